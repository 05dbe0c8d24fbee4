package org.lianban.documents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.lianban.documents.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the {@code document} table (same statements on H2 and PostgreSQL). */
@Repository
class DocumentRepository {

    private static final String COLUMNS = "id, case_number, kind, event_key, number, issued_at, authority_code, "
            + "authority_name, holder_name, matter_name, valid_until, storage_key, size_bytes, sha256, "
            + "signature_algorithm, verification_code, revoked_at, revoke_reason, revoked_by";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DocumentRow> find(String caseNumber, DocumentKind kind, String eventKey) {
        return jdbc.sql("select " + COLUMNS + " from document where case_number = ? and kind = ? and event_key = ?")
                .params(caseNumber, kind.name(), eventKey).query(DocumentRepository::map).optional();
    }

    Optional<DocumentRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from document where id = ?").param(id)
                .query(DocumentRepository::map).optional();
    }

    Optional<DocumentRow> findByVerificationCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from document where verification_code = ?").param(code)
                .query(DocumentRepository::map).optional();
    }

    Optional<DocumentRow> findCertificate(String number) {
        return jdbc.sql("select " + COLUMNS + " from document where number = ? and kind = 'CERTIFICATE'").param(number)
                .query(DocumentRepository::map).optional();
    }

    Optional<DocumentRow> certificateOf(String caseNumber) {
        return jdbc.sql("select " + COLUMNS + " from document where case_number = ? and kind = 'CERTIFICATE'")
                .param(caseNumber).query(DocumentRepository::map).optional();
    }

    List<DocumentRow> forCase(String caseNumber) {
        return jdbc.sql("select " + COLUMNS + " from document where case_number = ? order by issued_at, id")
                .param(caseNumber).query(DocumentRepository::map).list();
    }

    /**
     * Stores an issued document: the row's file columns are normally still null (rendered on first use, see
     * {@link DocumentRenderer}); {@code snapshot} is what the PDF will be rendered from.
     */
    long insert(DocumentRow r, String snapshot) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into document (case_number, kind, event_key, number, issued_at, authority_code, authority_name,
                    holder_name, matter_name, valid_until, storage_key, size_bytes, sha256, signature_algorithm,
                    verification_code, snapshot)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.caseNumber(), r.kind().name(), r.eventKey(), r.number(), utc(r.issuedAt()),
                        r.authorityCode(), r.authorityName(), r.holderName(), r.matterName(), r.validUntil(),
                        r.storageKey(), r.storageKey() == null ? null : r.sizeBytes(), r.sha256(),
                        r.signatureAlgorithm(), r.verificationCode(), snapshot)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The snapshot a document is rendered from; empty for a document issued before snapshots existed. */
    Optional<String> snapshot(long id) {
        return jdbc.sql("select snapshot from document where id = ?").param(id).query(String.class).optional();
    }

    /**
     * Records the rendered file unless one is recorded already; false when another render won (its file stays, the
     * caller discards its own).
     */
    boolean storeFile(long id, String storageKey, long sizeBytes, String sha256, String signatureAlgorithm) {
        return jdbc.sql("update document set storage_key = ?, size_bytes = ?, sha256 = ?, signature_algorithm = ? "
                        + "where id = ? and storage_key is null")
                .params(storageKey, sizeBytes, sha256, signatureAlgorithm, id).update() == 1;
    }

    /** Documents not rendered yet, oldest first (for rendering ahead of demand). */
    List<Long> notRendered(int limit) {
        return jdbc.sql("select id from document where storage_key is null order by id fetch first "
                + Math.max(1, limit) + " rows only").query(Long.class).list();
    }

    /** Sets the revocation once; false if the certificate was already revoked (a concurrent revoke won). */
    boolean revoke(long id, Instant at, String reason, String by) {
        return jdbc.sql("update document set revoked_at = ?, revoke_reason = ?, revoked_by = ? "
                        + "where id = ? and revoked_at is null")
                .params(utc(at), reason, by, id).update() == 1;
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static DocumentRow map(ResultSet rs, int row) throws SQLException {
        return new DocumentRow(rs.getLong("id"), rs.getString("case_number"), DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("event_key"), rs.getString("number"), instant(rs, "issued_at"),
                rs.getString("authority_code"), rs.getString("authority_name"), rs.getString("holder_name"),
                rs.getString("matter_name"), rs.getObject("valid_until", LocalDate.class), rs.getString("storage_key"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("signature_algorithm"),
                rs.getString("verification_code"), instant(rs, "revoked_at"), rs.getString("revoke_reason"),
                rs.getString("revoked_by"));
    }
}
