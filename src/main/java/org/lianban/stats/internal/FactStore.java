package org.lianban.stats.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.lianban.cases.CaseStatus;
import org.lianban.catalog.Catalog;
import org.lianban.common.SqlParams;
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

    /** A derived fact and whether its case has a due time (was accepted): only then can it turn yellow or red. */
    public record Derived(CaseFact fact, boolean due) {}

    /** Derives a case's fact from its stored rows; empty for an unknown or never-submitted case. */
    public Optional<CaseFact> derive(String caseNumber) {
        return deriveRow(caseNumber).map(Derived::fact);
    }

    /** {@link #derive}, with the case's due time known; one query (the case row joined with its timeline). */
    Optional<Derived> deriveRow(String caseNumber) {
        return Optional.ofNullable(deriveRows(List.of(caseNumber)).get(caseNumber));
    }

    /**
     * {@link #deriveRow} for many cases, with one query per 1 000 (the case rows joined with their timelines); the
     * unknown and never-submitted ones are left out.
     */
    Map<String, Derived> deriveRows(List<String> caseNumbers) {
        Map<String, Derived> out = new HashMap<>();
        for (int from = 0; from < caseNumbers.size(); from += 1000) {
            Map<Long, FactDeriver.CaseRow> cases = new LinkedHashMap<>();
            Map<Long, List<FactDeriver.StepRow>> steps = new HashMap<>();
            jdbc.sql("""
                    select c.id, c.number, c.version, c.region_code, c.matter_code, c.matter_version_id, c.status,
                           c.finished_at, c.working_days, c.due_at,
                           s.seq, s.step_code, s.party_code, s.level, s.started_at, s.finished_at, s.working_days
                    from case_file c left join case_step s on s.case_id = c.id
                    where c.number in (:numbers) order by c.id, s.seq""")
                    .param("numbers", caseNumbers.subList(from, Math.min(caseNumbers.size(), from + 1000)))
                    .query(rs -> {
                        long id = rs.getLong(1);
                        if (!cases.containsKey(id)) {
                            cases.put(id, new FactDeriver.CaseRow(id, rs.getString(2), rs.getInt(3), rs.getString(4),
                                    rs.getString(5), rs.getLong(6), CaseStatus.valueOf(rs.getString(7)),
                                    instant(rs, 8), rs.getBigDecimal(9), instant(rs, 10)));
                        }
                        int seq = rs.getInt(11);
                        if (!rs.wasNull()) {
                            steps.computeIfAbsent(id, k -> new ArrayList<>()).add(new FactDeriver.StepRow(seq,
                                    rs.getString(12), rs.getString(13), rs.getString(14), instant(rs, 15),
                                    instant(rs, 16), rs.getBigDecimal(17)));
                        }
                    });
            cases.forEach((id, c) -> {
                CaseFact f = FactDeriver.derive(c, steps.getOrDefault(id, List.of()),
                        catalog.version(c.matterVersionId()));
                if (f != null) {
                    out.put(c.number(), new Derived(f, c.dueAt() != null));
                }
            });
        }
        return out;
    }

    /** When an open case turns yellow and red ({@link org.lianban.cases.DeadlineOnset}); all null: never. */
    public record Onset(Instant yellowFrom, Instant redAfter, LocalDate dueOn) {
        static final Onset NONE = new Onset(null, null, null);
    }

    /**
     * Writes a fact and its deadline onset unless a newer version of the case is already stored (events may be
     * handled out of order). One statement when the fact is stored already (the usual case).
     *
     * @return the day of receipt stored before, when it was a different one (its month's tallies are stale too)
     */
    public Optional<LocalDate> upsert(CaseFact f, Onset onset) {
        if (update(f, onset, true) > 0) {
            return Optional.empty();
        }
        Optional<Stored> stored = stored(f.caseId());
        if (stored.isEmpty()) {
            try {
                savepoint.executeWithoutResult(s -> insert(List.of(f), onset));
                return Optional.empty();
            } catch (DuplicateKeyException raced) {
                return upsert(f, onset);
            }
        }
        if (stored.get().version() > f.caseVersion() || stored.get().receivedOn().equals(f.receivedOn())) {
            return Optional.empty(); // a newer version is stored (or was, a moment ago, with the same day)
        }
        return update(f, onset, false) > 0 ? Optional.of(stored.get().receivedOn()) : Optional.empty();
    }

    private int update(CaseFact f, Onset onset, boolean sameDay) {
        List<Object> params = new ArrayList<>(java.util.Arrays.asList(f.caseVersion(), f.status().name(),
                f.finished(), SqlParams.integer(f.workingCd()), SqlParams.bool(f.onTime()),
                CaseFact.encodeSteps(f.stepCd()), SqlParams.date(f.receivedOn()), ts(onset.yellowFrom()),
                ts(onset.redAfter()), SqlParams.date(onset.dueOn()), f.caseId(), f.caseVersion()));
        if (sameDay) {
            params.add(f.receivedOn());
        }
        return jdbc.sql("update stats_case set case_version = ?, status = ?, finished = ?, working_cd = ?, "
                + "on_time = ?, step_cd = ?, received_on = ?, yellow_from = ?, red_after = ?, due_on = ?, "
                + "onset_known = true where case_id = ? and case_version <= ?"
                + (sameDay ? " and received_on = ?" : "")).params(params).update();
    }

    private record Stored(int version, LocalDate receivedOn) {}

    private Optional<Stored> stored(long caseId) {
        return jdbc.sql("select case_version, received_on from stats_case where case_id = ?").param(caseId)
                .query((rs, i) -> new Stored(rs.getInt(1), rs.getObject(2, LocalDate.class))).optional();
    }

    /**
     * Inserts new facts in one batch (bulk loading), their deadline onsets not known yet: the bulk loader, or the
     * first summary that counts them, fills those in ({@link #unknownOnsets}).
     */
    public void insert(Collection<CaseFact> facts) {
        insert(facts, null);
    }

    private void insert(Collection<CaseFact> facts, Onset onset) {
        if (facts.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into stats_case (" + COLUMNS
                + ", yellow_from, red_after, due_on, onset_known) values ");
        List<Object> params = new ArrayList<>();
        Onset o = onset == null ? Onset.NONE : onset;
        for (CaseFact f : facts) {
            sql.append(params.isEmpty() ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            params.addAll(java.util.Arrays.asList(f.caseId(), f.number(), f.caseVersion(), f.regionCode(),
                    f.matterCode(), f.matterVersionId(), f.category(), SqlParams.date(f.receivedOn()),
                    f.status().name(), f.finished(), SqlParams.integer(f.workingCd()), SqlParams.bool(f.onTime()),
                    CaseFact.encodeSteps(f.stepCd()), ts(o.yellowFrom()), ts(o.redAfter()), SqlParams.date(o.dueOn()),
                    onset != null));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /** The stored fact, its row locked until the transaction ends (a change of it is being counted). */
    Optional<CaseFact> findForUpdate(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from stats_case where case_id = ? for update").param(caseId)
                .query((rs, i) -> map(rs)).optional();
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
        List<Object> params = new ArrayList<>();
        String where = where(from, to, regionCodes, matter, category, openOnly, params);
        jdbc.sql("select " + COLUMNS + " from stats_case where " + where).params(params).query(rs -> {
            sink.accept(map(rs));
        });
    }

    /**
     * Counts the facts of a {@link #scan} filter into {@code tally}: the same figures as scanning them, reading only the
     * columns a tally needs (summaries count tens of thousands of recent facts per request).
     */
    public void count(LocalDate from, LocalDate to, Collection<String> regionCodes, String matter, String category,
            Tally tally) {
        List<Object> params = new ArrayList<>();
        String where = where(from, to, regionCodes, matter, category, false, params);
        jdbc.sql("select region_code, matter_code, received_on, status, finished, working_cd, on_time, step_cd "
                + "from stats_case where " + where).params(params).query(rs -> {
                    int cd = rs.getInt(6);
                    Integer workingCd = rs.wasNull() ? null : cd;
                    boolean onTime = rs.getBoolean(7);
                    tally.add(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class).toString(),
                            CaseStatus.valueOf(rs.getString(4)), rs.getBoolean(5), workingCd,
                            rs.wasNull() ? null : onTime, rs.getString(8));
                });
    }

    /** The conditions of {@link #scan}, their parameters added to {@code params}. */
    private static String where(LocalDate from, LocalDate to, Collection<String> regionCodes, String matter,
            String category, boolean openOnly, List<Object> params) {
        StringBuilder sql = new StringBuilder("received_on >= ? and received_on < ?");
        params.add(from);
        params.add(to);
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
        return sql.toString();
    }

    /** Yellow and red open cases of one filing region; {@code unknown}: open facts whose onset is not stored yet. */
    public record WarningCount(String regionCode, long yellow, long red, long unknown) {}

    /**
     * Counts the open facts of a {@link #scan} filter that are yellow or red at {@code now} (by their stored onsets), by
     * filing region, with the facts whose onset is not known yet. One query over the open facts.
     */
    public List<WarningCount> warnings(LocalDate from, LocalDate to, Collection<String> regionCodes, String matter,
            String category, Instant now) {
        Object at = ts(now);
        List<Object> params = new ArrayList<>(List.of(at, at, at));
        String where = where(from, to, regionCodes, matter, category, true, params);
        params.add(at);
        params.add(at);
        return jdbc.sql("select region_code, "
                + "sum(case when red_after < ? then 0 when yellow_from <= ? then 1 else 0 end), "
                + "sum(case when red_after < ? then 1 else 0 end), "
                + "sum(case when onset_known then 0 else 1 end) "
                + "from stats_case where " + where
                + " and (yellow_from <= ? or red_after < ? or onset_known = false) group by region_code")
                .params(params).query((rs, i) -> new WarningCount(rs.getString(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4))).list();
    }

    /** The first {@code limit} red cases of a {@link #scan} filter at {@code now}, earliest due date first. */
    public List<String> red(LocalDate from, LocalDate to, Collection<String> regionCodes, String matter,
            String category, Instant now, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(from, to, regionCodes, matter, category, true, params);
        params.add(ts(now));
        return jdbc.sql("select case_number from stats_case where " + where + " and red_after < ? "
                + "order by due_on, case_number limit " + limit).params(params).query(String.class).list();
    }

    /** Numbers of the open facts of a {@link #scan} filter whose deadline onset is not stored yet. */
    public List<String> unknownOnsets(LocalDate from, LocalDate to, Collection<String> regionCodes, String matter,
            String category) {
        List<Object> params = new ArrayList<>();
        String where = where(from, to, regionCodes, matter, category, true, params);
        return jdbc.sql("select case_number from stats_case where " + where + " and onset_known = false")
                .params(params).query(String.class).list();
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

    /** A timestamp parameter at the database's precision, typed when null ({@link SqlParams}). */
    private static Object ts(Instant i) {
        return SqlParams.timestamp(i == null ? null : i.truncatedTo(ChronoUnit.MICROS));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

}
