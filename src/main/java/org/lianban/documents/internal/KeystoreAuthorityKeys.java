package org.lianban.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Production keys from a configured PKCS#12 keystore. The entry for an authority is the alias equal to its region
 * code (e.g. {@code 140100}); an entry {@code default} signs for authorities without their own. The keystore is read
 * at startup, so a wrong path or password stops the application instead of failing the first document.
 */
public final class KeystoreAuthorityKeys implements AuthorityKeys {

    static final String DEFAULT_ALIAS = "default";

    private final Map<String, SigningKey> keys = new ConcurrentHashMap<>();

    public KeystoreAuthorityKeys(Path path, char[] password) {
        Bc.provider();
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("lianban.documents.keystore.path: cannot read " + path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore ks = KeyStore.getInstance("PKCS12", Bc.NAME);
            ks.load(in, password);
            for (String alias : java.util.Collections.list(ks.aliases())) {
                Key key = ks.getKey(alias, password);
                if (key instanceof PrivateKey pk && ks.getCertificate(alias) instanceof X509Certificate cert) {
                    keys.put(alias, new SigningKey(pk, cert, SignatureAlgorithm.forKeyAlgorithm(pk.getAlgorithm())));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("lianban.documents.keystore: cannot open " + path
                    + " (wrong password or not PKCS#12?)", e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("lianban.documents.keystore: " + path + " holds no private key entry");
        }
    }

    @Override
    public Optional<X509Certificate> certificate(String regionCode, SignatureAlgorithm algorithm) {
        SigningKey key = keys.getOrDefault(regionCode, keys.get(DEFAULT_ALIAS));
        return key != null && key.algorithm() == algorithm ? Optional.of(key.certificate()) : Optional.empty();
    }

    @Override
    public SigningKey keyFor(String regionCode, String authorityName) {
        SigningKey key = keys.getOrDefault(regionCode, keys.get(DEFAULT_ALIAS));
        if (key == null) {
            throw new IllegalStateException("the keystore has no key for authority " + regionCode
                    + " and no '" + DEFAULT_ALIAS + "' entry");
        }
        return key;
    }
}
