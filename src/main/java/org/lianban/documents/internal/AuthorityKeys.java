package org.lianban.documents.internal;

import java.security.cert.X509Certificate;
import java.util.Optional;

/** The signing key of each issuing authority, by the authority's region code. */
public interface AuthorityKeys {

    /** The authority's key for new documents; in demo mode it is created on first use. */
    SigningKey keyFor(String regionCode, String authorityName);

    /**
     * The certificate of the authority's key for {@code algorithm}, to verify documents signed with it (they may
     * predate a change of the configured algorithm). Never creates a key; empty if there is none.
     */
    Optional<X509Certificate> certificate(String regionCode, SignatureAlgorithm algorithm);
}
