package org.lianban.cases.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.lianban.cases.Applicant;
import org.lianban.cases.CaseStatus;
import org.lianban.cases.MaterialInfo;
import org.lianban.cases.flow.FlowState;
import org.lianban.cases.flow.Transition;
import org.lianban.common.Databases;
import org.lianban.common.SqlParams;
import org.lianban.common.WriteBehind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Explicit SQL for cases; each method is one statement, except {@link Writes}. */
@Repository
class CaseRepository {

    private static final String CASE_COLUMNS = "id, number, matter_code, matter_version_id, region_code, "
            + "deciding_region_code, status, current_step_code, parties_passed, applicant_username, applicant_name, "
            + "applicant_id_type, applicant_id_number, applicant_phone, form_json, query_code, version, created_at, "
            + "submitted_at, accepted_at, decided_at, finished_at, step_started_at, step_paused_days, paused_since, "
            + "paused_days, extension_days, due_date, due_at, suspended_procedure, missing_materials, "
            + "supplement_rounds, step_seq, working_days, audit_head";
    private static final String JOINED_CASE_COLUMNS = Arrays.stream(CASE_COLUMNS.split(", "))
            .map(c -> "c." + c).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final WriteBehind writeBehind;
    /**
     * A case read to be changed is locked on PostgreSQL, whose {@link Writes} wait until the commit: the versioned
     * update then cannot miss and fail after the rows sent with it.
     */
    private final String forUpdate;

    CaseRepository(JdbcClient jdbc, JdbcTemplate template, WriteBehind writeBehind) {
        this.jdbc = jdbc;
        this.template = template;
        this.writeBehind = writeBehind;
        this.forUpdate = Databases.isPostgres(template.getDataSource()) ? " for update of c" : "";
    }

    // ------------------------------------------------------------------------------------------- case_file

    Optional<CaseRow> find(String number) {
        return jdbc.sql("select " + CASE_COLUMNS + " from case_file where number = ?").param(number)
                .query(CaseRepository::caseRow).optional();
    }

    /** The case, locked until the transaction ends on PostgreSQL (see {@link #forUpdate}). */
    Optional<CaseRow> findToChange(String number) {
        return jdbc.sql("select " + JOINED_CASE_COLUMNS + " from case_file c where c.number = ?" + forUpdate)
                .param(number).query(CaseRepository::caseRow).optional();
    }

    record CaseWithMaterials(CaseRow row, List<MaterialRow> materials) {}

    /**
     * The case with every version of its materials (oldest first) in one statement, a left join: a transition answers
     * with the case's materials, and a second query would be a second round trip on every transition. With
     * {@code toChange}, the case row is locked until the transaction ends on PostgreSQL (see {@link #forUpdate}).
     */
    Optional<CaseWithMaterials> findWithMaterials(String number, boolean toChange) {
        // the material columns first and aliased: materialRow reads them by position, caseRow the case's by name
        return template.query("select m.material_code m_code, m.version m_version, m.filename, m.size, m.sha256, "
                + "m.content_type, m.storage_key, m.uploaded_at m_uploaded_at, " + JOINED_CASE_COLUMNS
                + " from case_file c left join case_material m on m.case_id = c.id where c.number = ? "
                + "order by m.material_code, m.version" + (toChange ? forUpdate : ""), rs -> {
                    CaseRow row = null;
                    List<MaterialRow> materials = new ArrayList<>();
                    while (rs.next()) {
                        if (row == null) {
                            row = caseRow(rs, 0);
                        }
                        if (rs.getString(1) != null) {
                            materials.add(materialRow(rs, 0));
                        }
                    }
                    return Optional.ofNullable(row).map(r -> new CaseWithMaterials(r, List.copyOf(materials)));
                }, number);
    }

    long nextSequence() {
        return jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
    }

    long insert(CaseRow c) {
        FlowState s = c.state();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into case_file (number, matter_code, matter_version_id, region_code, deciding_region_code, "
                        + "status, current_step_code, parties_passed, applicant_username, applicant_name, "
                        + "applicant_id_type, applicant_id_number, applicant_phone, form_json, query_code, version, "
                        + "created_at, step_paused_days, paused_days, extension_days, supplement_rounds, step_seq, "
                        + "audit_head) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(c.number(), c.matterCode(), c.matterVersionId(), c.regionCode(), c.decidingRegionCode(),
                        s.status().name(), s.stepCode(), "", c.applicantUsername(), c.applicant().name(),
                        c.applicant().idType(), c.applicant().idNumber(), c.applicant().phone(), c.formJson(),
                        c.queryCode(), c.version(), ts(c.createdAt()), s.stepPausedDays(), s.pausedDays(),
                        s.extensionDays(), s.supplementRounds(), s.stepSeq(), c.auditHead())
                .update(keys, "id");
        return ((Number) keys.getKeys().get("id")).longValue();
    }

    /** Moves the audit head on a read (VIEW) record, if no one else moved it meanwhile. */
    boolean moveAuditHead(long id, String expected, String next) {
        return jdbc.sql("update case_file set audit_head = ? where id = ? and audit_head = ?")
                .params(next, id, expected).update() == 1;
    }

    // ------------------------------------------------------------------------------------------- timeline, tasks

    /**
     * The writes of a transition (the case row, timeline, tasks, pause, audit record), queued by {@link #send} to go
     * together just before the transaction commits ({@link WriteBehind}).
     */
    final class Writes {

        private final List<WriteBehind.Statement> statements = new ArrayList<>();

        private void add(String statement, Object... values) {
            statements.add(new WriteBehind.Statement(statement, values));
        }

        /**
         * The new state, if nobody changed the row since it was read (version and audit head unchanged); otherwise
         * the commit fails with {@link org.springframework.dao.OptimisticLockingFailureException}.
         */
        Writes updateCase(long id, int expectedVersion, String expectedAuditHead, FlowState s, String auditHead) {
            statements.add(new WriteBehind.Statement("update case_file set status = ?, current_step_code = ?, "
                    + "parties_passed = ?, submitted_at = ?, accepted_at = ?, decided_at = ?, finished_at = ?, "
                    + "step_started_at = ?, step_paused_days = ?, paused_since = ?, paused_days = ?, "
                    + "extension_days = ?, due_date = ?, due_at = ?, suspended_procedure = ?, missing_materials = ?, "
                    + "supplement_rounds = ?, step_seq = ?, working_days = ?, audit_head = ?, version = version + 1 "
                    + "where id = ? and version = ? and audit_head = ?", new Object[] {s.status().name(),
                    SqlParams.text(s.stepCode()), String.join(",", s.partiesPassed()), ts(s.submittedAt()),
                    ts(s.acceptedAt()), ts(s.decidedAt()), ts(s.finishedAt()), ts(s.stepStartedAt()),
                    s.stepPausedDays(), ts(s.pausedSince()), s.pausedDays(), s.extensionDays(),
                    SqlParams.date(s.dueDate()), ts(s.dueAt()), SqlParams.text(s.procedure()),
                    String.join(",", s.missing()), s.supplementRounds(), s.stepSeq(),
                    SqlParams.decimal(s.workingDays()), auditHead, id, expectedVersion, expectedAuditHead}, 1));
            return this;
        }

        Writes endSteps(long caseId, List<Transition.StepEnd> ended, Instant at) {
            for (Transition.StepEnd e : ended) {
                add("update case_step set finished_at = ?, actor = ?, outcome = ?, opinion = ?, working_days = ? "
                        + "where case_id = ? and step_code = ? and party_code = ? and finished_at is null", ts(at),
                        e.actor(), e.outcome(), SqlParams.text(cut(e.opinion(), 2000)),
                        SqlParams.decimal(e.workingDays()), caseId, e.stepCode(),
                        e.partyCode());
            }
            return this;
        }

        Writes startSteps(long caseId, List<Transition.StepStart> started) {
            if (!started.isEmpty()) {
                add("insert into case_step (case_id, seq, step_code, step_name, level, region_code, party_code, role, "
                        + "limit_days, started_at) values " + rows(started.size(), 10), started.stream()
                        .flatMap(s -> java.util.stream.Stream.of(caseId, s.seq(), s.stepCode(), s.stepName(),
                                s.level().name(), s.regionCode(), s.partyCode(), s.role().name(), s.limitDays(),
                                ts(s.startedAt())))
                        .toArray());
            }
            return this;
        }

        /**
         * Replaces the open tasks of a case. One statement in the common cases: a sequential step hands its single
         * task on (update), the first task appears (insert), the last one goes (delete).
         */
        Writes replaceTasks(long caseId, List<Transition.Task> before, List<Transition.Task> after,
                String filingRegion, String matterCode) {
            if (before.size() == 1 && after.size() == 1) {
                Transition.Task t = after.getFirst();
                add("update case_task set step_code = ?, party_code = ?, step_name = ?, region_code = ?, role = ?, "
                        + "since = ?, due_at = ? where case_id = ?", t.stepCode(), t.partyCode(), t.stepName(),
                        t.regionCode(), t.role().name(), ts(t.since()), ts(t.dueAt()), caseId);
                return this;
            }
            if (!before.isEmpty()) {
                add("delete from case_task where case_id = ?", caseId);
            }
            if (!after.isEmpty()) {
                add("insert into case_task (case_id, step_code, party_code, step_name, region_code, role, "
                        + "filing_region, matter_code, since, due_at) values " + rows(after.size(), 10), after.stream()
                        .flatMap(t -> java.util.stream.Stream.of(caseId, t.stepCode(), t.partyCode(), t.stepName(),
                                t.regionCode(), t.role().name(), filingRegion, matterCode, ts(t.since()),
                                ts(t.dueAt())))
                        .toArray());
            }
            return this;
        }

        Writes pause(long caseId, Transition.PauseChange p, Instant at) {
            if (p.start()) {
                add("insert into case_pause (case_id, kind, procedure, started_at) values (?,?,?,?)", caseId,
                        p.kind(), SqlParams.text(p.procedure()), ts(at));
            } else {
                add("update case_pause set ended_at = ? where case_id = ? and ended_at is null", ts(at), caseId);
            }
            return this;
        }

        Writes audit(AuditRow a) {
            add(INSERT_AUDIT, a.caseId(), ts(a.at()), a.actor(), SqlParams.text(a.role()),
                    SqlParams.text(a.regionCode()), a.action(), SqlParams.text(a.before()), SqlParams.text(a.after()),
                    SqlParams.text(a.detail()), a.prevHash(), a.hash());
            return this;
        }

        void send() {
            writeBehind.write(statements);
        }
    }

    Writes writes() {
        return new Writes();
    }

    private static String rows(int count, int columns) {
        String row = "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(count, row));
    }

    record StepRow(String stepCode, String stepName, String level, String regionCode, String partyCode, String role,
            int limitDays, Instant startedAt, Instant finishedAt, String actor, String outcome, String opinion,
            BigDecimal workingDays) {}

    List<StepRow> timeline(long caseId) {
        return jdbc.sql("select step_code, step_name, level, region_code, party_code, role, limit_days, started_at, "
                        + "finished_at, actor, outcome, opinion, working_days from case_step where case_id = ? "
                        + "order by seq")
                .param(caseId)
                .query((rs, i) -> new StepRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), inst(rs, 8), inst(rs, 9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getBigDecimal(13)))
                .list();
    }

    record TaskRow(String number, String matterCode, String filingRegion, CaseStatus status, String stepCode,
            String stepName, Instant since, Instant dueAt) {}

    List<TaskRow> tasks(String regionCode, String role, String matter, String filingRegion, int limit) {
        StringBuilder sql = new StringBuilder("select c.number, t.matter_code, t.filing_region, c.status, t.step_code, "
                + "t.step_name, t.since, t.due_at from case_task t join case_file c on c.id = t.case_id "
                + "where t.region_code = ? and t.role = ?");
        List<Object> params = new ArrayList<>(List.of(regionCode, role));
        if (matter != null) {
            sql.append(" and t.matter_code = ?");
            params.add(matter);
        }
        if (filingRegion != null) {
            sql.append(" and t.filing_region = ?");
            params.add(filingRegion);
        }
        // the queue index (region_code, role, since, case_id) gives this order: a top-N index scan, no sort
        sql.append(" order by t.since, t.case_id limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        CaseStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), inst(rs, 7),
                        inst(rs, 8)))
                .list();
    }

    List<CaseRow> byApplicant(String username) {
        return jdbc.sql("select " + CASE_COLUMNS + " from case_file where applicant_username = ? "
                        + "order by created_at desc, id desc limit 500")
                .param(username).query(CaseRepository::caseRow).list();
    }

    /** Open accepted cases filed in the given regions (their clock runs). */
    List<CaseRow> runningIn(List<String> regionCodes) {
        return running("region_code", regionCodes);
    }

    /** The named cases that are accepted and not finished (statistics: overdue list, deadline onsets). */
    List<CaseRow> runningNumbered(Collection<String> numbers) {
        return running("number", numbers);
    }

    /** Accepted, unfinished cases whose {@code column} is one of {@code values}. */
    private List<CaseRow> running(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", values.stream().map(c -> "?").toList());
        return jdbc.sql("select " + CASE_COLUMNS + " from case_file where " + column + " in (" + in + ") "
                        + "and accepted_at is not null and finished_at is null")
                .params(new ArrayList<Object>(values)).query(CaseRepository::caseRow).list();
    }

    /** Submitted, not yet accepted cases received before {@code cutoff}: candidates for Art. 32 acceptance. */
    List<String> waitingForAcceptanceSince(Instant cutoff, int limit) {
        return jdbc.sql("select number from case_file where status = 'SUBMITTED' and accepted_at is null "
                        + "and submitted_at < ? order by submitted_at limit " + limit)
                .param(ts(cutoff)).query(String.class).list();
    }

    // ------------------------------------------------------------------------------------------- materials

    record MaterialRow(String materialCode, int version, String filename, long size, String sha256,
            String contentType, String storageKey, Instant uploadedAt) {

        MaterialInfo info() {
            return new MaterialInfo(materialCode, filename, size, sha256, contentType, version, uploadedAt);
        }
    }

    private static MaterialRow materialRow(ResultSet rs, int i) throws SQLException {
        return new MaterialRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), inst(rs, 8));
    }

    private static final String MATERIAL_COLUMNS = "material_code, version, filename, size, sha256, content_type, "
            + "storage_key, uploaded_at";

    Optional<MaterialRow> material(long caseId, String code, Integer version) {
        if (version != null) {
            return jdbc.sql("select " + MATERIAL_COLUMNS + " from case_material where case_id = ? "
                            + "and material_code = ? and version = ?")
                    .params(caseId, code, version).query(CaseRepository::materialRow).optional();
        }
        return jdbc.sql("select " + MATERIAL_COLUMNS + " from case_material where case_id = ? and material_code = ? "
                        + "order by version desc limit 1")
                .params(caseId, code).query(CaseRepository::materialRow).optional();
    }

    /** Adds the next version of a material; a concurrent upload of the same version fails on the primary key. */
    int insertMaterial(long caseId, String code, String filename, long size, String sha256, String contentType,
            String key, Instant at, String by) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from case_material where case_id = ? "
                        + "and material_code = ?")
                .params(caseId, code).query(Integer.class).single();
        jdbc.sql("insert into case_material (case_id, material_code, version, filename, size, sha256, content_type, "
                        + "storage_key, uploaded_at, uploaded_by) values (?,?,?,?,?,?,?,?,?,?)")
                .params(caseId, code, version, filename, size, sha256, contentType, key, ts(at), by).update();
        return version;
    }

    // ------------------------------------------------------------------------------------------- audit

    record AuditRow(long caseId, Instant at, String actor, String role, String regionCode, String action,
            String before, String after, String detail, String prevHash, String hash) {}

    private static final String INSERT_AUDIT = "insert into audit_record (case_id, at, actor, role, region_code, "
            + "action, before_status, after_status, detail, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?)";

    void insertAudit(AuditRow a) {
        writes().audit(a).send();
    }

    record StoredAudit(long id, long caseId, String caseNumber, String caseHead, AuditRow row) {}

    /** Streams every audit record, chain by chain (case by case, in insertion order). */
    void eachAudit(Consumer<StoredAudit> consumer) {
        template.query("select a.id, a.case_id, c.number, c.audit_head, a.at, a.actor, a.role, a.region_code, "
                + "a.action, a.before_status, a.after_status, a.detail, a.prev_hash, a.hash from audit_record a "
                + "join case_file c on c.id = a.case_id order by a.case_id, a.id", rs -> {
                    consumer.accept(new StoredAudit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            new AuditRow(rs.getLong(2), inst(rs, 5), rs.getString(6), rs.getString(7),
                                    rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                    rs.getString(12), rs.getString(13), rs.getString(14))));
                });
    }

    /** Cases whose head is not the genesis hash but that have no audit record at all (a deleted chain). */
    List<String> casesWithHeadButNoRecords(String genesis) {
        return jdbc.sql("select c.number from case_file c where c.audit_head <> ? and not exists "
                        + "(select 1 from audit_record a where a.case_id = c.id)")
                .param(genesis).query(String.class).list();
    }

    // ------------------------------------------------------------------------------------------- idempotency

    record StoredAnswer(String requestHash, int status, String caseNumber, String body) {}

    void insertIdempotency(String username, String key, String requestHash, int status, String caseNumber,
            String body, Instant at) {
        jdbc.sql("insert into idempotency_key (username, idem_key, request_hash, status, case_number, body, "
                        + "created_at) values (?,?,?,?,?,?,?)")
                .params(username, key, requestHash, status, caseNumber, body, ts(at)).update();
    }

    Optional<StoredAnswer> findIdempotency(String username, String key) {
        return jdbc.sql("select request_hash, status, case_number, body from idempotency_key where username = ? "
                        + "and idem_key = ?")
                .params(username, key)
                .query((rs, i) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    // ------------------------------------------------------------------------------------------- mapping

    private static CaseRow caseRow(ResultSet rs, int i) throws SQLException {
        FlowState state = new FlowState(CaseStatus.valueOf(rs.getString("status")), rs.getString("current_step_code"),
                split(rs.getString("parties_passed")), inst(rs, "submitted_at"), inst(rs, "accepted_at"),
                inst(rs, "step_started_at"), rs.getBigDecimal("step_paused_days"), inst(rs, "paused_since"),
                rs.getBigDecimal("paused_days"), rs.getInt("extension_days"), rs.getObject("due_date", LocalDate.class),
                inst(rs, "due_at"), rs.getString("suspended_procedure"),
                List.copyOf(split(rs.getString("missing_materials"))), rs.getInt("supplement_rounds"),
                inst(rs, "decided_at"), inst(rs, "finished_at"), rs.getInt("step_seq"),
                rs.getBigDecimal("working_days"));
        return new CaseRow(rs.getLong("id"), rs.getString("number"), rs.getString("matter_code"),
                rs.getLong("matter_version_id"), rs.getString("region_code"), rs.getString("deciding_region_code"),
                rs.getString("applicant_username"),
                new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_type"),
                        rs.getString("applicant_id_number"), rs.getString("applicant_phone")),
                rs.getString("form_json"), rs.getString("query_code"), rs.getInt("version"),
                inst(rs, "created_at"), state, rs.getString("audit_head"));
    }

    private static LinkedHashSet<String> split(String s) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (s != null && !s.isEmpty()) {
            out.addAll(Arrays.asList(s.split(",")));
        }
        return out;
    }

    /** A timestamp parameter, typed when null ({@link SqlParams}). */
    static Object ts(Instant i) {
        return SqlParams.timestamp(i);
    }

    static Instant inst(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant inst(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
