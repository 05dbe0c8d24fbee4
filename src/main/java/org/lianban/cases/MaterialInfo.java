package org.lianban.cases;

import java.time.Instant;

/** An uploaded material (its latest version in a case view; the uploaded version after {@code PUT}). */
public record MaterialInfo(String materialCode, String filename, long size, String sha256, String contentType,
        int version, Instant uploadedAt) {}
