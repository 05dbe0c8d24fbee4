package org.lianban.catalog.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for matters and their versions. Versions are only ever inserted, never updated. */
@Repository
class CatalogRepository {

    /** A stored version row: its identity and the canonical definition as JSON. */
    record StoredVersion(long id, String code, int version, String definition, String contentHash,
            Instant publishedAt) {}

    /** The current version of a matter: its id, number and content hash. */
    record Current(String code, long versionId, int version, String contentHash) {}

    private static final String COLUMNS = "v.id, v.code, v.version, v.definition, v.content_hash, v.published_at";

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Current> current(String code) {
        return jdbc.sql("select m.code, v.id, v.version, v.content_hash from matter m "
                        + "join matter_version v on v.id = m.current_version_id where m.code = ?")
                .param(code)
                .query((rs, n) -> new Current(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4)))
                .optional();
    }

    /** Ids of every matter's current version, ordered by matter code. */
    List<Long> currentIds() {
        return jdbc.sql("select current_version_id from matter order by code").query(Long.class).list();
    }

    List<Long> versionIds(String code) {
        return jdbc.sql("select id from matter_version where code = ? order by version").param(code)
                .query(Long.class).list();
    }

    Optional<StoredVersion> version(long id) {
        return jdbc.sql("select " + COLUMNS + " from matter_version v where v.id = ?").param(id)
                .query((rs, n) -> new StoredVersion(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .optional();
    }

    long countMatters() {
        return jdbc.sql("select count(*) from matter").query(Long.class).single();
    }

    long insertVersion(MatterDefinition d, int version, String json, String hash, Instant publishedAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into matter_version (code, version, name, category, deciding_level, statutory_days, "
                        + "promised_days, definition, content_hash, published_at) values (?,?,?,?,?,?,?,?,?,?)")
                .params(d.code(), version, d.name(), d.category(), d.decidingLevel().name(), d.statutoryDays(),
                        d.promisedDays(), json, hash, publishedAt.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertMatter(String code, long versionId) {
        jdbc.sql("insert into matter (code, current_version_id) values (?, ?)").params(code, versionId).update();
    }

    /** Points a matter at its new current version; fails if another import moved it meanwhile. */
    boolean moveCurrent(String code, long fromVersionId, long toVersionId) {
        return jdbc.sql("update matter set current_version_id = ? where code = ? and current_version_id = ?")
                .params(toVersionId, code, fromVersionId).update() == 1;
    }
}
