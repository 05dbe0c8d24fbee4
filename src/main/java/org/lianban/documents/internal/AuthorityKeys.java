package org.lianban.documents.internal;

/** The signing key of each issuing authority, by the authority's region code. */
public interface AuthorityKeys {

    /** The authority's key; in demo mode it is created on first use. */
    SigningKey keyFor(String regionCode, String authorityName);
}
