package org.lianban.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The audit trail's hash chain, one chain per case: {@code hash = SHA-256(prev_hash | case number | canonical record)}.
 * A per-case chain needs no global lock (cases are handled in parallel) and the case row carries the head, so
 * appending needs no extra read. Changing, deleting or reordering a record breaks its chain from there on.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    static String of(String caseNumber, CaseRepository.AuditRow a) {
        String canonical = String.join("|", a.prevHash(), caseNumber, Long.toString(micros(a.at())), a.actor(),
                String.valueOf(a.role()), String.valueOf(a.regionCode()), a.action(), String.valueOf(a.before()),
                String.valueOf(a.after()), String.valueOf(a.detail()));
        return sha256(canonical);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    private AuditHash() {}
}
