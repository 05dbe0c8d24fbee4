package org.lianban.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.lianban.PgTest;
import org.lianban.TestClock;
import org.lianban.identity.Users;
import org.lianban.stats.SimulationRequest;
import org.lianban.stats.Statistics;
import org.lianban.stats.StatsQuery;
import org.lianban.stats.StatsSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 1,000,000-case benchmark (docs/benchmarks.md): fills the PostgreSQL database with {@code LIANBAN_BENCH_CASES}
 * bulk-simulated cases (if it holds fewer), then times summaries. Run it alone against a database of its own:
 * {@code LIANBAN_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/lianban_bench LIANBAN_BENCH_CASES=1000000
 * ./mvnw -o test -Dtest=StatsBenchmarkPgTest}. Results go to the console and {@code target/stats-benchmark.txt}.
 */
@PgTest
@EnabledIfEnvironmentVariable(named = "LIANBAN_BENCH_CASES", matches = "[0-9]+",
        disabledReason = "benchmark: set LIANBAN_BENCH_CASES (and a database of its own)")
class StatsBenchmarkPgTest {

    static final int RUNS = 15;

    @Autowired BulkLoader bulk;
    @Autowired Statistics statistics;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @Test
    void summaryOverTheWholeDatabase() throws IOException {
        clock.set(Instant.now());
        long wanted = Long.parseLong(System.getenv("LIANBAN_BENCH_CASES"));
        long have = jdbc.sql("select count(*) from stats_case").query(Long.class).single();
        List<String> report = new ArrayList<>();
        if (have < wanted) {
            long t0 = System.nanoTime();
            bulk.load(new SimulationRequest(LocalDate.parse("2021-01-04"), LocalDate.now(clock).minusDays(1),
                    (int) (wanted - have), 1_000_000L + have), System.out);
            report.add(String.format("bulk load of %d cases: %.1f s", wanted - have, (System.nanoTime() - t0) / 1e9));
            jdbc.sql("analyze").update();
        }
        long total = jdbc.sql("select count(*) from stats_case").query(Long.class).single();
        long open = jdbc.sql("select count(*) from stats_case where finished = false").query(Long.class).single();
        report.add("cases: " + total + " (open: " + open + ")");
        var province = users.find("supervisor@140000").orElseThrow();
        var city = users.find("supervisor@140100").orElseThrow();
        var county = users.find("supervisor@140105").orElseThrow();
        StatsQuery all = new StatsQuery(null, null, null, null, null);
        long t0 = System.nanoTime();
        StatsSummary first = statistics.summary(all, province);
        report.add(String.format("first province summary (builds the monthly tallies): %.0f ms",
                (System.nanoTime() - t0) / 1e6));
        assertThat(first.cases()).isEqualTo(total);
        String topMatter = first.byMatter().getFirst().matterCode();
        report.add(time("province, all time (" + first.cases() + " cases)", () -> statistics.summary(all, province)));
        report.add(time("city 140100, all time", () -> statistics.summary(all, city)));
        report.add(time("county 140105, all time", () -> statistics.summary(all, county)));
        report.add(time("province, last 90 days", () -> statistics.summary(
                new StatsQuery(LocalDate.now(clock).minusDays(90), null, null, null, null), province)));
        report.add(time("province, one matter (" + topMatter + ", "
                + first.byMatter().getFirst().cases() + " cases)",
                () -> statistics.summary(new StatsQuery(null, null, null, topMatter, null), province)));
        report.add(String.format("province average %s working days, median %s, on time %s, red %d",
                first.averageWorkingDays(), first.medianWorkingDays(), first.onTimeRate(), first.red()));
        report.forEach(System.out::println);
        Files.writeString(Path.of("target/stats-benchmark.txt"), String.join("\n", report) + "\n");
    }

    private static String time(String what, Supplier<StatsSummary> run) {
        long[] ms = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        return String.format("%s: median %d ms, p90 %d ms, max %d ms (%d runs)", what, ms[RUNS / 2],
                ms[(int) (RUNS * 0.9)], ms[RUNS - 1], RUNS);
    }
}
