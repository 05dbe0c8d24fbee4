package org.lianban.documents.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.lianban.documents.DocumentKind;

/**
 * A row of the {@code document} table. {@code storageKey}, {@code sha256} (and {@code sizeBytes}, then 0) are null
 * until the document is first rendered; {@code signatureAlgorithm} is the configured one until then and the one it
 * was signed with afterwards.
 */
record DocumentRow(long id, String caseNumber, DocumentKind kind, String eventKey, String number, Instant issuedAt,
        String authorityCode, String authorityName, String holderName, String matterName, LocalDate validUntil,
        String storageKey, long sizeBytes, String sha256, String signatureAlgorithm, String verificationCode,
        Instant revokedAt, String revokeReason, String revokedBy) {

    /** The row as stored under {@code id} (an insert writes every field as given). */
    DocumentRow withId(long id) {
        return new DocumentRow(id, caseNumber, kind, eventKey, number, issuedAt, authorityCode, authorityName,
                holderName, matterName, validUntil, storageKey, sizeBytes, sha256, signatureAlgorithm,
                verificationCode, revokedAt, revokeReason, revokedBy);
    }

    boolean rendered() {
        return storageKey != null;
    }

    boolean revoked() {
        return revokedAt != null;
    }
}
