package org.lianban.stats.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.lianban.cases.CaseStatus;
import org.lianban.catalog.Catalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code stats_case}: reads case rows, derives facts, writes them, and queries them for summaries. */
@Repository
public class FactStore {

    static final String COLUMNS = "case_id, case_number, case_version, region_code, matter_code, matter_version_id, "
            + "category, received_on, status, finished, working_cd, on_time, step_cd";

    private final JdbcClient jdbc;
    private final Catalog catalog;

    /**
     * The first insert of a case's fact runs in a savepoint: when two events of one case are handled at once, the
     * loser's duplicate key must not abort its whole transaction (PostgreSQL refuses every later statement of an
     * aborted transaction), so it can fall back to the update.
     */
    private final TransactionTemplate savepoint;

    public FactStore(JdbcClient jdbc, Catalog catalog, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Derives a case's fact from its stored rows; empty for an unknown or never-submitted case. */
    public Optional<CaseFact> derive(String caseNumber) {
        Optional<FactDeriver.CaseRow> row = jdbc.sql("""
                select id, number, version, region_code, matter_code, matter_version_id, status, finished_at,
                       working_days, due_at
                from case_file where number = ?""").param(caseNumber).query((rs, i) -> new FactDeriver.CaseRow(
                rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                CaseStatus.valueOf(rs.getString(7)), instant(rs, 8), rs.getBigDecimal(9), instant(rs, 10)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        FactDeriver.CaseRow c = row.get();
        List<FactDeriver.StepRow> steps = jdbc.sql("""
                select seq, step_code, party_code, level, started_at, finished_at, working_days
                from case_step where case_id = ? order by seq""").param(c.id())
                .query((rs, i) -> new FactDeriver.StepRow(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), instant(rs, 5), instant(rs, 6), rs.getBigDecimal(7)))
                .list();
        return Optional.ofNullable(FactDeriver.derive(c, steps, catalog.version(c.matterVersionId())));
    }

    /** Writes a fact unless a newer version of the case is already stored (events may be handled out of order). */
    public void upsert(CaseFact f) {
        int updated = jdbc.sql("update stats_case set case_version = ?, status = ?, finished = ?, working_cd = ?, "
                + "on_time = ?, step_cd = ?, received_on = ? where case_id = ? and case_version <= ?")
                .params(f.caseVersion(), f.status().name(), f.finished(), f.workingCd(), f.onTime(),
                        CaseFact.encodeSteps(f.stepCd()), f.receivedOn(), f.caseId(), f.caseVersion())
                .update();
        if (updated == 0 && !exists(f.caseId())) {
            try {
                savepoint.executeWithoutResult(s -> insert(List.of(f)));
            } catch (DuplicateKeyException raced) {
                upsert(f);
            }
        }
    }

    private boolean exists(long caseId) {
        return jdbc.sql("select count(*) from stats_case where case_id = ?").param(caseId).query(Long.class)
                .single() > 0;
    }

    /** Inserts new facts in one batch (bulk loading). */
    public void insert(Collection<CaseFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into stats_case (" + COLUMNS + ") values ");
        List<Object> params = new ArrayList<>();
        for (CaseFact f : facts) {
            sql.append(params.isEmpty() ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?)");
            params.addAll(java.util.Arrays.asList(f.caseId(), f.number(), f.caseVersion(), f.regionCode(),
                    f.matterCode(), f.matterVersionId(), f.category(), f.receivedOn(), f.status().name(),
                    f.finished(), f.workingCd(), f.onTime(), CaseFact.encodeSteps(f.stepCd())));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    public Optional<CaseFact> find(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from stats_case where case_id = ?").param(caseId)
                .query((rs, i) -> map(rs)).optional();
    }

    /**
     * Streams the facts received in [from, to) matching a filter, to a consumer (no list of a million rows in memory).
     *
     * @param regionCodes filing regions to keep, or null for all
     * @param openOnly only cases not finished
     */
    public void scan(LocalDate from, LocalDate to, Collection<String> regionCodes, String matter, String category,
            boolean openOnly, Consumer<CaseFact> sink) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from stats_case where received_on >= ? "
                + "and received_on < ?");
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (openOnly) {
            // a literal, not a parameter: a generic plan cannot know that few cases are open and would scan them all
            sql.append(" and finished = false");
        }
        if (matter != null) {
            sql.append(" and matter_code = ?");
            params.add(matter);
        }
        if (category != null) {
            sql.append(" and category = ?");
            params.add(category);
        }
        if (regionCodes != null) {
            sql.append(" and region_code in (").append(String.join(",", regionCodes.stream().map(x -> "?").toList()))
                    .append(")");
            params.addAll(regionCodes);
        }
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            sink.accept(map(rs));
        });
    }

    /** The earliest day of receipt of any case, or null when there is none. */
    public LocalDate firstReceivedOn() {
        return jdbc.sql("select min(received_on) from stats_case").query(LocalDate.class).optional().orElse(null);
    }

    static CaseFact map(ResultSet rs) throws SQLException {
        return new CaseFact(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getObject(8, LocalDate.class), CaseStatus.valueOf(rs.getString(9)),
                rs.getBoolean(10), (Integer) rs.getObject(11, Integer.class), (Boolean) rs.getObject(12, Boolean.class),
                CaseFact.decodeSteps(rs.getString(13)));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

}
