package org.lianban.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Demo keys: one key pair and self-signed certificate per authority, created on first use and kept as PKCS#12 files
 * ({@code {dir}/{regionCode}-{algorithm}.p12}) so that documents signed before a restart still verify after it.
 * Not for production: the certificates are self-signed and the keystore password is configuration.
 */
public final class DemoAuthorityKeys implements AuthorityKeys {

    private static final String ALIAS = "authority";
    private static final Pattern REGION_CODE = Pattern.compile("[0-9A-Za-z_-]+");
    private static final Instant VALID_FROM = Instant.parse("2000-01-01T00:00:00Z");

    private final Path dir;
    private final SignatureAlgorithm algorithm;
    private final char[] password;
    private final Clock clock;
    private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();

    public DemoAuthorityKeys(Path dir, SignatureAlgorithm algorithm, char[] password, Clock clock) {
        this.dir = dir;
        this.algorithm = algorithm;
        this.password = password.clone();
        this.clock = clock;
        Bc.provider();
    }

    @Override
    public SigningKey keyFor(String regionCode, String authorityName) {
        return keys.computeIfAbsent(checked(regionCode), code -> loadOrCreate(code, authorityName));
    }

    /** A key already on disk is not read: it was created for the configured algorithm (its file name says so). */
    @Override
    public SignatureAlgorithm algorithmFor(String regionCode, String authorityName) {
        String code = checked(regionCode);
        if (keys.containsKey(code) || Files.exists(file(code, algorithm))) {
            return algorithm;
        }
        return keyFor(code, authorityName).algorithm();
    }

    @Override
    public Optional<X509Certificate> certificate(String regionCode, SignatureAlgorithm alg) {
        if (alg == algorithm) {
            SigningKey key = keys.get(checked(regionCode));
            if (key != null) {
                return Optional.of(key.certificate());
            }
        }
        Path file = file(checked(regionCode), alg);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(file, alg).certificate());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the demo key " + file, e);
        }
    }

    private static String checked(String regionCode) {
        if (!REGION_CODE.matcher(regionCode).matches()) {
            throw new IllegalArgumentException("not a region code: " + regionCode);
        }
        return regionCode;
    }

    private Path file(String code, SignatureAlgorithm alg) {
        return dir.resolve(code + "-" + alg.name().toLowerCase(java.util.Locale.ROOT) + ".p12");
    }

    private SigningKey loadOrCreate(String code, String authorityName) {
        Path file = file(code, algorithm);
        try {
            if (Files.exists(file)) {
                return load(file, algorithm);
            }
            SigningKey key = create(authorityName);
            Files.createDirectories(dir);
            KeyStore ks = KeyStore.getInstance("PKCS12", Bc.NAME);
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key.privateKey(), password, new X509Certificate[] {key.certificate()});
            Path tmp = Files.createTempFile(dir, code, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, password);
            }
            // another node may have raced us: the file that lands first wins and everyone uses it
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                if (Files.exists(file)) {
                    return load(file, algorithm);
                }
                throw e;
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo key of authority " + code + " in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the demo key of authority " + code, e);
        }
    }

    private SigningKey load(Path file, SignatureAlgorithm alg) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12", Bc.NAME);
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return new SigningKey((PrivateKey) ks.getKey(ALIAS, password), (X509Certificate) ks.getCertificate(ALIAS),
                alg);
    }

    private SigningKey create(String authorityName) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance(algorithm.keyAlgorithm(), Bc.NAME);
        if (algorithm == SignatureAlgorithm.SM2) {
            gen.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
        } else {
            gen.initialize(2048, new SecureRandom());
        }
        KeyPair pair = gen.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, "Lianban demo")
                .addRDN(BCStyle.CN, authorityName)
                .build();
        // valid from a fixed past date: the history simulator and tests issue documents dated before the key exists
        JcaX509v3CertificateBuilder cert = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(VALID_FROM),
                Date.from(clock.instant().plus(Duration.ofDays(365L * 30))), subject, pair.getPublic());
        cert.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        cert.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate x509 = new JcaX509CertificateConverter().setProvider(Bc.NAME)
                .getCertificate(cert.build(new JcaContentSignerBuilder(algorithm.jcaName()).setProvider(Bc.NAME)
                        .build(pair.getPrivate())));
        return new SigningKey(pair.getPrivate(), x509, algorithm);
    }
}
