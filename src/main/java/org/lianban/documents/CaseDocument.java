package org.lianban.documents;

import java.time.Instant;

/**
 * One issued document of a case, as listed by {@code GET /cases/{number}/documents}.
 *
 * @param url              where the PDF is downloaded ({@code /api/v1/documents/{id}})
 * @param verificationCode only for a certificate: the code its QR leads to; null otherwise
 */
public record CaseDocument(long id, DocumentKind kind, String number, Instant issuedAt, String url,
        String verificationCode, boolean revoked) {}
