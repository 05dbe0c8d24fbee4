package org.lianban.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lianban.cases.ActionRequest;
import org.lianban.cases.Applicant;
import org.lianban.cases.CaseService;
import org.lianban.cases.CaseView;
import org.lianban.cases.NewCase;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.Material;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cases benchmark: a command that prints numbers (not part of the test suite; skipped unless {@code -Dbench=true}).
 * Through the service layer, N complete cases of NR-LAND-01-P (create, submit, accept, 3 reviews, approve, issue) per
 * thread count, on H2 or PostgreSQL, with JDBC statements and commits counted per transition; then, with many cases
 * stored, the latency of the task queue and the public progress query. Command and results: docs/benchmarks.md.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(CaseBenchmarkRunner.Config.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CaseBenchmarkRunner {

    static final String MATTER = "NR-LAND-01-P";

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        static SqlCounter sqlCounter() {
            return new SqlCounter();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        if ("pg".equals(System.getProperty("bench.db"))) {
            r.add("spring.datasource.url", () -> System.getProperty("bench.pg.url",
                    "jdbc:postgresql://127.0.0.1:5432/lianban_cases"));
            r.add("spring.datasource.username", () -> "postgres");
            r.add("spring.datasource.password", () -> "");
            r.add("spring.datasource.hikari.maximum-pool-size", () -> "16");
        }
    }

    @Autowired CaseService cases;
    @Autowired Catalog catalog;
    @Autowired Regions regions;
    @Autowired JdbcTemplate jdbc;

    private List<Region> counties;
    private MatterVersion matter;

    @Test
    void run() throws Exception {
        // the demo SMS gateway logs every message it "sends"; a real gateway does not, so neither does the benchmark
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("org.lianban.notify.internal.LogGateway",
                LogLevel.WARN);
        matter = catalog.current(MATTER).orElseThrow();
        counties = regions.all().stream().filter(r -> r.level() == Level.COUNTY).toList();
        int n = Integer.getInteger("bench.cases", 2000);
        String db = System.getProperty("bench.db", "h2");
        System.out.printf(Locale.ROOT, "%n== cases benchmark on %s: %d cases per run, %d cores, %s%n", db, n,
                Runtime.getRuntime().availableProcessors(), Instant.now());
        if (n > 0) {
            // warm-up (the JIT compiler otherwise takes a third of the JVM's CPU during the first timed run), then
            // the SQL counted in a run of its own: the counting proxies cost CPU, so the timed runs go without them
            lifecycle(Math.min(1500, n), 8, false, false);
            lifecycle(Math.min(300, n), 1, true, false);
            for (String t : System.getProperty("bench.threads", "1,8").split(",")) {
                lifecycle(n, Integer.parseInt(t.strip()), false, true);
            }
            floor(1);
            floor(8);
        }
        int stored = Integer.getInteger("bench.stored", 0);
        if (stored > 0) {
            fill(stored, db);
            queries(stored);
        }
    }

    private long incompletePublications() {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                Long.class);
    }

    // -------------------------------------------------------------------------------------------- lifecycle

    private static final String[] OPS = {"create", "submit", "ACCEPT", "PASS county", "PASS city", "PASS province",
            "APPROVE", "ISSUE"};

    private void lifecycle(int n, int threads, boolean counting, boolean print) throws Exception {
        SqlCounter.reset();
        SqlCounter.enabled(counting);
        for (java.util.concurrent.atomic.LongAdder[] row : PER_OP) {
            for (java.util.concurrent.atomic.LongAdder a : row) {
                a.reset();
            }
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] cpuBefore = Cpu.now();
        long start = System.nanoTime();
        List<Future<long[][]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<long[]> lat = new ArrayList<>();
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    lat.add(oneCase(i));
                }
                return lat.toArray(new long[0][]);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[][]> f : futures) {
            all.addAll(Arrays.asList(f.get()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        // the listeners' side: publications still waiting when the last request returned, and how long until none
        long backlog = incompletePublications();
        String byModule = backlog == 0 ? "" : jdbc.queryForList("select listener_id, count(*) as n from "
                + "event_publication where completion_date is null group by listener_id order by n desc").stream()
                .map(r -> String.valueOf(r.get("listener_id")).replaceAll("^org\\.lianban\\.([a-z]+)\\..*", "$1")
                        + " " + r.get("n"))
                .collect(java.util.stream.Collectors.joining(", ", " (", ")")).replace(" ()", "");
        long drainStart = System.nanoTime();
        while (incompletePublications() > 0) {
            Thread.sleep(20); // a benchmark waiting for the listeners, not a test
        }
        double drain = (System.nanoTime() - drainStart) / 1e9;
        long[] cpu = Cpu.since(cpuBefore);
        SqlCounter.enabled(false);
        long transitions = (long) n * OPS.length;
        if (counting) {
            System.out.printf(Locale.ROOT, "%n-- SQL per operation on the request path (a run of %d cases, 1 thread, "
                    + "counted through JDBC proxies; not timed): %.2f statements, %.2f commits, "
                    + "%.2f event_publication statements, %.2f round trips to the database%n", n,
                    SqlCounter.STATEMENTS.sum() / (double) transitions, SqlCounter.COMMITS.sum() / (double) transitions,
                    SqlCounter.EVENT_STATEMENTS.sum() / (double) transitions,
                    SqlCounter.ROUND_TRIPS.sum() / (double) transitions);
            System.out.printf(Locale.ROOT, "   %-14s %6s %7s %6s %11s%n", "operation", "SQL", "commits", "outbox",
                    "round trips");
            for (int op = 0; op < OPS.length; op++) {
                System.out.printf(Locale.ROOT, "   %-14s %6.2f %7.2f %6.2f %11.2f%n", OPS[op],
                        PER_OP[op][0].sum() / (double) n, PER_OP[op][1].sum() / (double) n,
                        PER_OP[op][2].sum() / (double) n, PER_OP[op][3].sum() / (double) n);
            }
            return;
        }
        if (!print) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n-- %d thread(s): %d cases in %.1f s = %.0f cases/s, %.0f operations/s "
                + "(%d per case: create, submit, 6 step transitions)%n", threads, n, seconds, n / seconds,
                transitions / seconds, OPS.length);
        System.out.printf(Locale.ROOT, "   listeners: %d publications incomplete when the last request returned%s, "
                + "drained %.1f s later; with the listeners done: %.0f cases/s%n", backlog, byModule, drain,
                n / (seconds + drain));
        if (cpu != null) {
            System.out.printf(Locale.ROOT, "   CPU per case, run and drain: %.1f ms on the machine, of which this JVM "
                    + "%.1f ms (the rest is PostgreSQL, and anything else running); machine %.0f %% busy%n",
                    cpu[0] / 1e6 / n, cpu[1] / 1e6 / n, 100.0 * cpu[0] / (cpu[2] * 1e9 * (seconds + drain)));
        }
        System.out.printf(Locale.ROOT, "   %-14s %8s %8s%n", "operation", "p50 ms", "p99 ms");
        long[] every = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        for (int op = 0; op < OPS.length; op++) {
            final int o = op;
            long[] one = all.stream().mapToLong(l -> l[o]).sorted().toArray();
            System.out.printf(Locale.ROOT, "   %-14s %8.2f %8.2f%n", OPS[op], pct(one, 50), pct(one, 99));
        }
        System.out.printf(Locale.ROOT, "   %-14s %8.2f %8.2f%n", "all", pct(every, 50), pct(every, 99));
    }

    private long[] oneCase(int i) {
        Region county = counties.get(i % counties.size());
        String city = county.parentCode();
        CurrentUser applicant = user("applicant1", Role.APPLICANT, null, null);
        long[] lat = new long[OPS.length];
        Map<String, Object> form = Map.of("projectName", "基准测试项目", "location", county.code(), "area", 3.5);
        String number = timed(lat, 0, () -> cases.create(applicant,
                new NewCase(MATTER, county.code(), new Applicant("基准测试有限公司", "USCC", "91140105MA0GRX121J",
                        "13812341234"), form), null)).number();
        seedMaterials(number);
        CaseView v = timed(lat, 1, () -> cases.submit(applicant, number, null));
        v = step(lat, 2, v, user("clerk@" + county.code(), Role.CLERK, county.code(), Level.COUNTY), "ACCEPT");
        v = step(lat, 3, v, user("reviewer@" + county.code(), Role.REVIEWER, county.code(), Level.COUNTY), "PASS");
        v = step(lat, 4, v, user("reviewer@" + city, Role.REVIEWER, city, Level.CITY), "PASS");
        v = step(lat, 5, v, user("reviewer@140000", Role.REVIEWER, "140000", Level.PROVINCE), "PASS");
        v = step(lat, 6, v, user("approver@140000", Role.APPROVER, "140000", Level.PROVINCE), "APPROVE");
        v = step(lat, 7, v, user("clerk@" + county.code(), Role.CLERK, county.code(), Level.COUNTY), "ISSUE");
        if (!"ISSUED".equals(v.status().name())) {
            throw new IllegalStateException("case " + v.number() + " ended " + v.status());
        }
        return lat;
    }

    private CaseView step(long[] lat, int op, CaseView v, CurrentUser u, String action) {
        return timed(lat, op, () -> cases.act(u, v.number(),
                new ActionRequest(action, v.version(), "同意", null, null, null, null), null));
    }

    /** Statements and commits per operation kind: [op][statements, commits, event statements]. */
    private static final java.util.concurrent.atomic.LongAdder[][] PER_OP = new java.util.concurrent.atomic.LongAdder[OPS.length][4];

    static {
        for (java.util.concurrent.atomic.LongAdder[] row : PER_OP) {
            for (int i = 0; i < 4; i++) {
                row[i] = new java.util.concurrent.atomic.LongAdder();
            }
        }
    }

    private static CaseView timed(long[] lat, int op, java.util.function.Supplier<CaseView> call) {
        long[] before = SqlCounter.MINE.get().clone();
        SqlCounter.measure(true);
        long t = System.nanoTime();
        try {
            return call.get();
        } finally {
            lat[op] = System.nanoTime() - t;
            SqlCounter.measure(false);
            long[] after = SqlCounter.MINE.get();
            for (int i = 0; i < 4; i++) {
                PER_OP[op][i].add(after[i] - before[i]);
            }
        }
    }

    /**
     * The benchmark leaves file upload out (as the targets do): the case's material rows are written directly, with
     * one statement and commit, and not counted.
     */
    private void seedMaterials(String number) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        List<Object> args = new ArrayList<>();
        args.add(at);
        for (Material m : matter.materials()) {
            args.add(m.code());
        }
        args.add(number);
        jdbc.update("insert into case_material (case_id, material_code, version, filename, size, sha256, "
                + "content_type, storage_key, uploaded_at, uploaded_by) select c.id, m.code, 1, 'bench.pdf', 1, "
                + "'0000000000000000000000000000000000000000000000000000000000000000', 'application/pdf', "
                + "'bench/none', ?, 'applicant1' from case_file c cross join (values "
                + String.join(", ", java.util.Collections.nCopies(matter.materials().size(), "(?)"))
                + ") as m(code) where c.number = ?", args.toArray());
    }

    private static CurrentUser user(String name, Role role, String region, Level level) {
        return new CurrentUser(name, name, role, region, level);
    }

    // -------------------------------------------------------------------------------------------- floor

    /** The database's floor: one durable single-row insert per commit. */
    private void floor(int threads) throws Exception {
        jdbc.execute("create table if not exists bench_floor (id bigint generated by default as identity primary key, "
                + "v int not null)");
        int per = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < per; i++) {
                    jdbc.update("insert into bench_floor (v) values (?)", i);
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double s = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "-- floor, %d thread(s): %.0f single-row commits/s%n", threads, threads * per / s);
    }

    // -------------------------------------------------------------------------------------------- stored cases

    /** Bulk-loads {@code count} cases waiting at the county review (timeline of two rows, one open task each). */
    private void fill(int count, String db) {
        long t0 = System.nanoTime();
        Integer present = jdbc.queryForObject("select count(*) from case_file where number like '%-B-%'", Integer.class);
        if (present != null && present >= count * 0.9) {
            System.out.printf(Locale.ROOT, "%n-- stored: %d bulk-loaded cases already present%n", present);
            return;
        }
        int perCounty = Math.max(1, count / counties.size());
        for (Region county : counties) {
            String series = "pg".equals(db) ? "generate_series(1, " + perCounty + ") as s(x)"
                    : "system_range(1, " + perCounty + ") as s(x)";
            String since = "pg".equals(db) ? "timestamp with time zone '2024-01-01 00:00:00+08' + x * interval '1 minute'"
                    : "dateadd('MINUTE', x, timestamp with time zone '2024-01-01 00:00:00+08')";
            jdbc.update("insert into case_file (number, matter_code, matter_version_id, region_code, "
                    + "deciding_region_code, status, current_step_code, parties_passed, applicant_username, "
                    + "applicant_name, applicant_id_type, applicant_id_number, applicant_phone, form_json, query_code, "
                    + "version, created_at, submitted_at, accepted_at, step_started_at, step_paused_days, paused_days, "
                    + "extension_days, supplement_rounds, step_seq, audit_head, due_date, due_at) "
                    + "select '" + county.code() + "-B-' || lpad(cast(x as varchar), 7, '0'), ?, ?, ?, '140000', "
                    + "'IN_PROGRESS', 'county-review', '', 'applicant2', '基准', 'USCC', '91140105MA0GRX121J', "
                    + "'13812341234', '{}', 'BENCH234', 2, " + since + ", " + since + ", " + since + ", " + since
                    + ", 0, 0, 0, 0, 2, '" + "0".repeat(64) + "', date '2024-12-31', "
                    + "timestamp with time zone '2024-12-31 00:00:00+08' from " + series,
                    MATTER, matter.id(), county.code());
        }
        jdbc.update("insert into case_step (case_id, seq, step_code, step_name, level, region_code, party_code, role, "
                + "limit_days, started_at, finished_at, actor, outcome, working_days) select id, 1, 'accept', '窗口受理', "
                + "'COUNTY', region_code, '', 'CLERK', 1, submitted_at, accepted_at, 'clerk', 'ACCEPT', 0 "
                + "from case_file where number like '%-B-%'");
        jdbc.update("insert into case_step (case_id, seq, step_code, step_name, level, region_code, party_code, role, "
                + "limit_days, started_at) select id, 2, 'county-review', '县级初审', 'COUNTY', region_code, '', "
                + "'REVIEWER', 2, step_started_at from case_file where number like '%-B-%'");
        jdbc.update("insert into case_task (case_id, step_code, party_code, step_name, region_code, role, "
                + "filing_region, matter_code, since, due_at) select id, 'county-review', '', '县级初审', region_code, "
                + "'REVIEWER', region_code, matter_code, step_started_at, due_at from case_file where number like '%-B-%'");
        if ("pg".equals(db)) {
            jdbc.execute("analyze");
        }
        Integer total = jdbc.queryForObject("select count(*) from case_file", Integer.class);
        System.out.printf(Locale.ROOT, "%n-- stored: %d cases in the database (bulk load %.0f s)%n", total,
                (System.nanoTime() - t0) / 1e9);
    }

    /** 2 000 timed calls of each, after 2 000 untimed ones (the JIT compiler's warm-up when the lifecycle did not run). */
    private void queries(int stored) {
        calls(stored);
        long[][] timed = calls(stored);
        long[] tasks = timed[0];
        long[] progress = timed[1];
        int perCounty = Math.max(1, stored / counties.size());
        System.out.printf(Locale.ROOT, "   GET /tasks (100 oldest of ~%d per county)  p50 %.2f ms  p99 %.2f ms%n",
                perCounty, pct(tasks, 50), pct(tasks, 99));
        System.out.printf(Locale.ROOT, "   GET /public/progress                       p50 %.2f ms  p99 %.2f ms%n",
                pct(progress, 50), pct(progress, 99));
    }

    private long[][] calls(int stored) {
        int perCounty = Math.max(1, stored / counties.size());
        int calls = 2000;
        long[] tasks = new long[calls];
        long[] progress = new long[calls];
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < calls; i++) {
            Region c = counties.get(rnd.nextInt(counties.size()));
            CurrentUser reviewer = user("reviewer@" + c.code(), Role.REVIEWER, c.code(), Level.COUNTY);
            long t = System.nanoTime();
            cases.tasks(reviewer, null, null, 100);
            tasks[i] = System.nanoTime() - t;
            String number = c.code() + "-B-" + String.format(Locale.ROOT, "%07d", 1 + rnd.nextInt(perCounty));
            t = System.nanoTime();
            cases.progress(number, "BENCH234");
            progress[i] = System.nanoTime() - t;
        }
        Arrays.sort(tasks);
        Arrays.sort(progress);
        return new long[][] {tasks, progress};
    }

    /** Busy CPU time of the whole machine (Linux /proc/stat) and of this JVM, in nanoseconds. */
    static final class Cpu {

        static long[] now() {
            try {
                String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst()
                        .trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]); // all but idle and iowait
                }
                long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime();
                return new long[] {busy * 10_000_000L, jvm}; // USER_HZ is 100 on Linux
            } catch (Exception e) {
                return null;
            }
        }

        /** [machine busy ns, JVM ns, cores] since {@code before}, or null where /proc/stat cannot be read. */
        static long[] since(long[] before) {
            long[] after = now();
            return before == null || after == null ? null : new long[] {after[0] - before[0], after[1] - before[1],
                    Runtime.getRuntime().availableProcessors()};
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
