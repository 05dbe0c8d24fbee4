package org.lianban.documents.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.lianban.documents.DocumentKind;

/** A row of the {@code document} table. */
record DocumentRow(long id, String caseNumber, DocumentKind kind, String eventKey, String number, Instant issuedAt,
        String authorityCode, String authorityName, String holderName, String matterName, LocalDate validUntil,
        String storageKey, long sizeBytes, String sha256, String signatureAlgorithm, String verificationCode,
        Instant revokedAt, String revokeReason, String revokedBy) {

    boolean revoked() {
        return revokedAt != null;
    }
}
