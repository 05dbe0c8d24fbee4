package org.lianban.stats.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.Level;
import org.lianban.region.Regions;
import org.lianban.stats.SimulationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path of the history simulator, for benchmark volumes (1,000,000 cases): the same plans, their rows computed
 * by {@link PlanArithmetic} and written directly — {@code case_file}, the {@code case_step} timeline, the open
 * {@code case_task}s and the statistics facts — in batches. Bulk cases carry no materials, documents or audit records
 * (their number has a "B"); a test plays sample plans through the case service and finds the same figures.
 */
@Component
public class BulkLoader {

    private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);
    private static final int BATCH = 400;
    private static final String AUDIT_NONE = "0".repeat(64);

    private final JdbcClient jdbc;
    private final FactStore facts;
    private final FactUpdater updater;
    private final MonthTallies months;
    private final Catalog catalog;
    private final Regions regions;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final TransactionTemplate tx;

    BulkLoader(JdbcClient jdbc, FactStore facts, FactUpdater updater, MonthTallies months, Catalog catalog, Regions regions,
            WorkingCalendar calendar, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.updater = updater;
        this.months = months;
        this.catalog = catalog;
        this.regions = regions;
        this.calendar = calendar;
        this.clock = clock;
        this.tx = tx;
    }

    /** Writes {@code request.cases()} cases; returns how many. Progress goes to {@code out} (a console bar). */
    public long load(SimulationRequest request, PrintStream out) {
        CaseMix mix = new CaseMix(request.from(), request.to(), request.seed(), calendar, regions, catalog);
        PlanArithmetic arithmetic = new PlanArithmetic(calendar);
        Instant now = clock.instant();
        long nextId = jdbc.sql("select coalesce(max(id), 0) from case_file").query(Long.class).single() + 1;
        SimulatorService.ConsoleProgress bar = new SimulatorService.ConsoleProgress(out, request.cases());
        long written = 0;
        for (int chunk = 0; written < request.cases(); chunk++) {
            Random rnd = new Random(request.seed() * 31 + chunk);
            int n = (int) Math.min(BATCH, request.cases() - written);
            List<Object[]> cases = new ArrayList<>(), steps = new ArrayList<>(), tasks = new ArrayList<>();
            List<CaseFact> chunkFacts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long id = nextId++;
                Plan p = mix.next(rnd);
                MatterVersion m = catalog.version(p.matterVersionId());
                Map<Level, String> route = route(p.regionCode());
                PlanArithmetic.Result r = arithmetic.apply(p, m, route, now);
                rows(id, p, m, route, r, rnd, cases, steps, tasks, chunkFacts);
            }
            tx.executeWithoutResult(s -> {
                insert("case_file", CASE_COLUMNS, cases);
                insert("case_step", STEP_COLUMNS, steps);
                insert("case_task", TASK_COLUMNS, tasks);
                facts.insert(chunkFacts);
            });
            written += n;
            bar.update((int) written);
        }
        bar.finish();
        // the open cases' deadline onsets, by the case module's rule (a few thousand of a million)
        facts.unknownOnsets(request.from(), request.to().plusDays(1), null, null, null).forEach(updater::refresh);
        months.invalidate(request.from(), request.to());
        jdbc.sql("alter table case_file alter column id restart with " + nextId).update();
        log.info("Bulk-loaded {} simulated cases received {}..{}", written, request.from(), request.to());
        return written;
    }

    private Map<Level, String> route(String county) {
        Map<Level, String> route = new EnumMap<>(Level.class);
        for (Level l : Level.values()) {
            regions.ancestorAt(county, l).ifPresent(a -> route.put(l, a.code()));
        }
        return route;
    }

    static final String CASE_COLUMNS = "id, number, matter_code, matter_version_id, region_code, "
            + "deciding_region_code, status, current_step_code, applicant_username, applicant_name, applicant_id_type, "
            + "applicant_id_number, applicant_phone, form_json, query_code, version, created_at, submitted_at, "
            + "accepted_at, decided_at, finished_at, step_started_at, step_paused_days, paused_since, paused_days, "
            + "extension_days, due_date, due_at, suspended_procedure, missing_materials, supplement_rounds, step_seq, "
            + "working_days, audit_head";
    static final String STEP_COLUMNS = "case_id, seq, step_code, step_name, level, region_code, party_code, role, "
            + "limit_days, started_at, finished_at, actor, outcome, opinion, working_days";
    static final String TASK_COLUMNS = "case_id, step_code, party_code, step_name, region_code, role, filing_region, "
            + "matter_code, since, due_at";

    private void rows(long id, Plan p, MatterVersion m, Map<Level, String> route, PlanArithmetic.Result r, Random rnd,
            List<Object[]> cases, List<Object[]> steps, List<Object[]> tasks, List<CaseFact> out) {
        int year = LocalDate.ofInstant(p.receivedAt(), org.lianban.common.ClockConfig.CHINA).getYear();
        String number = p.regionCode() + "-" + year + "-B" + String.format("%07d", id);
        cases.add(new Object[] {id, number, m.code(), m.id(), p.regionCode(), route.get(m.decidingLevel()),
                r.status().name(), r.currentStepCode(), p.applicant(), ServiceDriver.COMPANY.name(),
                ServiceDriver.COMPANY.idType(), ServiceDriver.COMPANY.idNumber(), ServiceDriver.COMPANY.phone(), "{}",
                queryCode(rnd), r.actsApplied(), ts(p.receivedAt()), ts(r.submittedAt()), ts(r.acceptedAt()),
                ts(r.decidedAt()), ts(r.finishedAt()), ts(r.stepStartedAt()), r.stepPausedDays(),
                ts(r.pausedSince()), r.pausedDays(), 0, r.dueDate(), ts(r.dueAt()), r.procedure(),
                r.missing().isEmpty() ? null : String.join(",", r.missing()), r.supplementRounds(), r.steps().size(),
                r.workingDays(), AUDIT_NONE});
        List<FactDeriver.StepRow> stepRows = new ArrayList<>();
        for (PlanArithmetic.StepRow s : r.steps()) {
            int limit = s.step().limitDays();
            steps.add(new Object[] {id, s.seq(), s.code(), s.name(), s.level().name(), s.regionCode(), s.partyCode(),
                    (s.party() == null ? s.step().role() : s.party().role()).name(), limit, ts(s.startedAt()),
                    ts(s.finishedAt()), s.actor(), s.outcome(), s.opinion(), s.workingDays()});
            stepRows.add(new FactDeriver.StepRow(s.seq(), s.code(), s.partyCode(), s.level().name(), s.startedAt(),
                    s.finishedAt(), s.workingDays()));
            if (s.finishedAt() == null && r.finishedAt() == null && r.status() != org.lianban.cases.CaseStatus.SUSPENDED
                    && r.status() != org.lianban.cases.CaseStatus.SUPPLEMENT_REQUESTED) {
                int days = limit + r.stepPausedDays().setScale(0, java.math.RoundingMode.CEILING).intValue();
                tasks.add(new Object[] {id, s.code(), s.partyCode(), s.name(), s.regionCode(),
                        (s.party() == null ? s.step().role() : s.party().role()).name(), p.regionCode(), m.code(),
                        ts(s.startedAt()), ts(calendar.dueAt(s.startedAt(), days))});
            }
        }
        CaseFact f = FactDeriver.derive(new FactDeriver.CaseRow(id, number, r.actsApplied(), p.regionCode(), m.code(),
                m.id(), r.status(), r.finishedAt(), r.workingDays(), r.dueAt()), stepRows, m);
        out.add(f);
    }

    private void insert(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = columns.split(",").length;
        String tuple = "(" + String.join(",", java.util.Collections.nCopies(width, "?")) + ")";
        int perStatement = Math.max(1, 30_000 / width);
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + perStatement));
            StringBuilder sql = new StringBuilder("insert into " + table + " (" + columns + ") values ");
            List<Object> params = new ArrayList<>(part.size() * width);
            for (Object[] row : part) {
                sql.append(params.isEmpty() ? "" : ",").append(tuple);
                params.addAll(Arrays.asList(row));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    private static String queryCode(Random rnd) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
