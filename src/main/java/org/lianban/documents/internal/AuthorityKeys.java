package org.lianban.documents.internal;

import java.security.cert.X509Certificate;
import java.util.Optional;

/** The signing key of each issuing authority, by the authority's region code. */
public interface AuthorityKeys {

    /** The authority's key for new documents; in demo mode it is created on first use. */
    SigningKey keyFor(String regionCode, String authorityName);

    /**
     * Makes sure the authority has a key for new documents and says its algorithm, without unlocking the private key
     * where that can be avoided: issuing a document needs only this, and unlocking a PKCS#12 key costs a noticeable
     * fraction of a second of CPU (its key derivation is slow on purpose).
     */
    default SignatureAlgorithm algorithmFor(String regionCode, String authorityName) {
        return keyFor(regionCode, authorityName).algorithm();
    }

    /**
     * The certificate of the authority's key for {@code algorithm}, to verify documents signed with it (they may
     * predate a change of the configured algorithm). Never creates a key; empty if there is none.
     */
    Optional<X509Certificate> certificate(String regionCode, SignatureAlgorithm algorithm);
}
