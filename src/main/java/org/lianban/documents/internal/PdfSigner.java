package org.lianban.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.lianban.common.ClockConfig;

/**
 * Signs a PDF with a detached CMS signature ({@code adbe.pkcs7.detached}): PDFBox reserves the signature dictionary
 * and hands over the signed byte ranges, BouncyCastle builds the CMS SignedData with the authority's certificate.
 * SM2 documents use SM3withSM2 (digest 1.2.156.10197.1.401); RSA ones SHA256withRSA, which every PDF reader checks.
 */
public final class PdfSigner {

    /** Bytes reserved for the CMS blob (hex-doubled in the file); a certificate and an RSA-2048 signature need ~1.5 KB. */
    private static final int SIGNATURE_SIZE = 4096;

    /** One shared generator: letting BouncyCastle create and seed a fresh one per signature costs more than the signature. */
    private final SecureRandom random = new SecureRandom();

    public PdfSigner() {
        Bc.provider();
    }

    public byte[] sign(byte[] unsignedPdf, SigningKey key, String signerName, String reason, Instant at) {
        try (PDDocument doc = Loader.loadPDF(unsignedPdf)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setName(signerName);
            sig.setReason(reason);
            sig.setLocation("中国 山西");
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ClockConfig.CHINA));
            when.setTimeInMillis(at.toEpochMilli());
            sig.setSignDate(when);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                doc.addSignature(sig, options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 2 * SIGNATURE_SIZE + 1024);
                ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
                external.setSignature(cms(external.getContent(), key, at, random));
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the PDF", e);
        }
    }

    private static byte[] cms(InputStream content, SigningKey key, Instant at, SecureRandom random) throws IOException {
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            // the signing time is the document's issue time from the injected clock, not the wall clock
            AttributeTable signed = new AttributeTable(
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))));
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Bc.NAME).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signed))
                    .build(new JcaContentSignerBuilder(key.algorithm().jcaName()).setProvider(Bc.NAME)
                            .setSecureRandom(random).build(key.privateKey()), key.certificate()));
            gen.addCertificates(new JcaCertStore(List.of(key.certificate())));
            return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (CertificateEncodingException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot build the CMS signature", e);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
