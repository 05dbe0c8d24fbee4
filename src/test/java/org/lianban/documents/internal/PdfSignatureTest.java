package org.lianban.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianban.common.ClockConfig;
import org.lianban.documents.DocumentKind;

/**
 * Signatures are checked by code that did not sign: BouncyCastle's CMS verifier used directly here, and poppler's
 * {@code pdfsig} for RSA.
 */
class PdfSignatureTest {

    static final PdfComposer COMPOSER = new PdfComposer(new CjkFonts());
    static final Clock CLOCK = Clock.system(ClockConfig.CHINA);

    @TempDir Path dir;

    byte[] signed(SignatureAlgorithm alg, Path keys, DocumentKind kind) {
        SigningKey key = new DemoAuthorityKeys(keys, alg, "pw".toCharArray(), CLOCK).keyFor("140100", "太原市自然资源局");
        return new PdfSigner().sign(COMPOSER.render(Samples.of(kind)), key, "太原市自然资源局", "签发", Samples.ISSUED);
    }

    /** Verification written independently of {@link SignatureVerifier}: the certificate comes from the CMS itself. */
    static SignerInformation verifyWithBouncyCastle(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertThat(sig.getSubFilter()).isEqualTo("adbe.pkcs7.detached");
            byte[] der;
            try (ASN1InputStream in = new ASN1InputStream(sig.getContents(pdf))) {
                der = in.readObject().getEncoded(); // /Contents is zero-padded
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), der);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder cert = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(new BouncyCastleProvider())
                    .build(cert))).isTrue();
            return signer;
        }
    }

    @Test
    void sm2SignatureVerifiesWithBouncyCastleAndUsesTheNationalAlgorithms() throws Exception {
        byte[] pdf = signed(SignatureAlgorithm.SM2, dir, DocumentKind.CERTIFICATE);
        SignerInformation signer = verifyWithBouncyCastle(pdf);
        assertThat(signer.getDigestAlgOID()).isEqualTo("1.2.156.10197.1.401"); // SM3
        assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.156.10197.1.501"); // SM2 with SM3
    }

    @Test
    void rsaSignatureVerifiesWithBouncyCastle() throws Exception {
        SignerInformation signer = verifyWithBouncyCastle(signed(SignatureAlgorithm.RSA, dir, DocumentKind.APPROVAL_DECISION));
        assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1"); // SHA-256
    }

    @Test
    void rsaSignatureIsValidForPopplersPdfsig() throws Exception {
        Path pdfsig = Path.of("/usr/bin/pdfsig");
        assumeTrue(Files.isExecutable(pdfsig), "poppler's pdfsig is not installed (apt-get install poppler-utils)");
        Path file = dir.resolve("decision.pdf");
        Files.write(file, signed(SignatureAlgorithm.RSA, dir.resolve("keys"), DocumentKind.APPROVAL_DECISION));
        Process p = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("Signature Validation: Signature is Valid.").contains("Total document signed");
    }

    @Test
    void ourVerifierAcceptsTheAuthoritysOwnSignatureInBothAlgorithms() {
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            Path keys = dir.resolve(alg.name());
            byte[] pdf = signed(alg, keys, DocumentKind.CERTIFICATE);
            X509Certificate trusted = new DemoAuthorityKeys(keys, alg, "pw".toCharArray(), CLOCK)
                    .keyFor("140100", "太原市自然资源局").certificate();
            assertThat(new SignatureVerifier().verify(pdf, trusted)).as(alg.name()).isTrue();
        }
    }

    @Test
    void flippingOneByteInvalidatesTheSignature() throws Exception {
        byte[] pdf = signed(SignatureAlgorithm.SM2, dir, DocumentKind.CERTIFICATE);
        X509Certificate trusted = new DemoAuthorityKeys(dir, SignatureAlgorithm.SM2, "pw".toCharArray(), CLOCK)
                .keyFor("140100", "x").certificate();
        int[] range;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            range = doc.getLastSignatureDictionary().getByteRange();
        }
        byte[] tampered = pdf.clone();
        int at = range[1] / 2; // inside the signed page content, outside /Contents
        tampered[at] ^= 0x01;
        assertThat(new SignatureVerifier().verify(tampered, trusted)).isFalse();
        assertThatThrownBy(() -> verifyWithBouncyCastle(tampered)).isNotNull();
    }

    @Test
    void aCertificateSignedWithAnotherDeploymentsKeyIsRejected() throws Exception {
        byte[] foreign = signed(SignatureAlgorithm.SM2, dir.resolve("elsewhere"), DocumentKind.CERTIFICATE);
        verifyWithBouncyCastle(foreign); // a perfectly good signature ...
        X509Certificate ours = new DemoAuthorityKeys(dir.resolve("ours"), SignatureAlgorithm.SM2, "pw".toCharArray(),
                CLOCK).keyFor("140100", "太原市自然资源局").certificate();
        assertThat(new SignatureVerifier().verify(foreign, ours)).isFalse(); // ... by a key that is not ours
    }

    @Test
    void contentAppendedAfterSigningIsRejected() throws Exception {
        byte[] pdf = signed(SignatureAlgorithm.SM2, dir, DocumentKind.CERTIFICATE);
        X509Certificate trusted = new DemoAuthorityKeys(dir, SignatureAlgorithm.SM2, "pw".toCharArray(), CLOCK)
                .keyFor("140100", "x").certificate();
        byte[] longer = java.util.Arrays.copyOf(pdf, pdf.length + 10);
        assertThat(new SignatureVerifier().verify(longer, trusted)).isFalse();
    }

    @Test
    void demoKeysAreKeptAndReusedAfterARestart() {
        SigningKey first = new DemoAuthorityKeys(dir, SignatureAlgorithm.SM2, "pw".toCharArray(), CLOCK)
                .keyFor("140100", "太原市自然资源局");
        SigningKey again = new DemoAuthorityKeys(dir, SignatureAlgorithm.SM2, "pw".toCharArray(), CLOCK)
                .keyFor("140100", "太原市自然资源局");
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(Files.exists(dir.resolve("140100-sm2.p12"))).isTrue();
        assertThat(first.certificate().getSubjectX500Principal().getName()).contains("CN=太原市自然资源局");
    }

    @Test
    void issuingLearnsTheAlgorithmWithoutUnlockingADemoKey() {
        // no key yet: one is created
        assertThat(new DemoAuthorityKeys(dir, SignatureAlgorithm.SM2, "pw".toCharArray(), CLOCK)
                .algorithmFor("140100", "太原市自然资源局")).isEqualTo(SignatureAlgorithm.SM2);
        assertThat(Files.exists(dir.resolve("140100-sm2.p12"))).isTrue();
        // after a restart the file is not read: a wrong password would fail if it were
        DemoAuthorityKeys restarted = new DemoAuthorityKeys(dir, SignatureAlgorithm.SM2, "wrong".toCharArray(), CLOCK);
        assertThat(restarted.algorithmFor("140100", "太原市自然资源局")).isEqualTo(SignatureAlgorithm.SM2);
        assertThatThrownBy(() -> restarted.keyFor("140100", "太原市自然资源局"))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void productionKeystoreSignsPerAuthorityWithADefaultEntry() throws Exception {
        SigningKey city = new DemoAuthorityKeys(dir.resolve("a"), SignatureAlgorithm.SM2, "pw".toCharArray(), CLOCK)
                .keyFor("140100", "太原市自然资源局");
        SigningKey other = new DemoAuthorityKeys(dir.resolve("b"), SignatureAlgorithm.RSA, "pw".toCharArray(), CLOCK)
                .keyFor("140000", "山西省自然资源厅");
        KeyStore ks = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
        ks.load(null, null);
        ks.setKeyEntry("140100", city.privateKey(), "s3cret".toCharArray(), new X509Certificate[] {city.certificate()});
        ks.setKeyEntry("default", other.privateKey(), "s3cret".toCharArray(), new X509Certificate[] {other.certificate()});
        Path file = dir.resolve("prod.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, "s3cret".toCharArray());
        }
        KeystoreAuthorityKeys keys = new KeystoreAuthorityKeys(file, "s3cret".toCharArray());
        assertThat(keys.keyFor("140100", "x").certificate()).isEqualTo(city.certificate());
        assertThat(keys.keyFor("140100", "x").algorithm()).isEqualTo(SignatureAlgorithm.SM2);
        assertThat(keys.keyFor("140105", "x").certificate()).isEqualTo(other.certificate());
        assertThat(keys.keyFor("140105", "x").algorithm()).isEqualTo(SignatureAlgorithm.RSA);
        assertThat(keys.certificate("140100", SignatureAlgorithm.SM2)).contains(city.certificate());
        assertThat(keys.certificate("140100", SignatureAlgorithm.RSA)).isEmpty();
    }

    @Test
    void productionRefusesAMissingKeystoreOrAWrongPassword() throws Exception {
        assertThatThrownBy(() -> new KeystoreAuthorityKeys(dir.resolve("none.p12"), "x".toCharArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot read");
        new DemoAuthorityKeys(dir, SignatureAlgorithm.SM2, "pw".toCharArray(), CLOCK).keyFor("140100", "x");
        assertThatThrownBy(() -> new KeystoreAuthorityKeys(dir.resolve("140100-sm2.p12"), "wrong".toCharArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wrong password");
    }

    @Test
    void theProdProfileRefusesToStartWithoutAKeystore() {
        DocumentsConfig config = new DocumentsConfig();
        for (DocumentsProperties.Keystore ks : new DocumentsProperties.Keystore[] {null,
                new DocumentsProperties.Keystore(null, "pw"), new DocumentsProperties.Keystore(dir, "")}) {
            DocumentsProperties props = new DocumentsProperties(SignatureAlgorithm.SM2, ks, "x", 3, null);
            assertThatThrownBy(() -> config.keystoreAuthorityKeys(props, dir.resolve("data")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("lianban.documents.keystore.path");
        }
    }

    @Test
    void theProdProfileRefusesToStartWhileDemoKeysAreInTheDataDirectory() throws Exception {
        Path data = dir.resolve("data");
        new DemoAuthorityKeys(data.resolve("keys"), SignatureAlgorithm.SM2, "pw".toCharArray(), CLOCK).keyFor("140100", "x");
        SigningKey key = new DemoAuthorityKeys(dir.resolve("other"), SignatureAlgorithm.SM2, "pw".toCharArray(), CLOCK)
                .keyFor("140100", "x");
        KeyStore ks = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
        ks.load(null, null);
        ks.setKeyEntry("default", key.privateKey(), "s3cret".toCharArray(), new X509Certificate[] {key.certificate()});
        Path file = dir.resolve("prod.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, "s3cret".toCharArray());
        }
        DocumentsProperties props = new DocumentsProperties(SignatureAlgorithm.SM2,
                new DocumentsProperties.Keystore(file, "s3cret"), "x", 3, null);
        assertThatThrownBy(() -> new DocumentsConfig().keystoreAuthorityKeys(props, data))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Demo signing keys found");
        assertThat(new DocumentsConfig().keystoreAuthorityKeys(props, dir.resolve("clean")).keyFor("140105", "x")
                .certificate()).isEqualTo(key.certificate());
    }
}
