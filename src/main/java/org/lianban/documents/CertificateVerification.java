package org.lianban.documents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The public answer about a certificate ({@code GET /public/certificates/verify}). Nothing personal beyond the holder's
 * name, which is printed on the certificate anyway; never the ID number.
 *
 * @param valid     authentic (signature and stored hash check out), not revoked and not expired
 * @param authentic the PDF's signature verifies with the issuing authority's key and its hash matches the record
 * @param expired   past {@code validUntil}
 */
public record CertificateVerification(boolean valid, boolean revoked, String number, String holder,
        String matterName, String issuedBy, Instant issuedAt, LocalDate validUntil, boolean authentic,
        boolean expired, Instant revokedAt, String revokeReason) {}
