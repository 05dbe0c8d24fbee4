package org.lianban.identity;

import java.time.OffsetDateTime;

/** A freshly issued bearer token: shown to its owner once, only its hash is kept. */
public record IssuedToken(String token, OffsetDateTime expiresAt) {}
