package org.lianban.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lianban.H2Test;
import org.lianban.TestClock;
import org.lianban.calendar.WorkingCalendar;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.Level;
import org.lianban.identity.Users;
import org.lianban.region.Regions;
import org.lianban.stats.SimulationRequest;
import org.lianban.stats.Statistics;
import org.lianban.stats.StatsQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk path's figures equal the case service's: sample plans (with supplements, special procedures, returns,
 * refusals) are played through the service, and their rows compared with what {@link PlanArithmetic} computes.
 */
@H2Test
class BulkArithmeticH2Test {

    @Autowired ServiceDriver driver;
    @Autowired Catalog catalog;
    @Autowired Regions regions;
    @Autowired WorkingCalendar calendar;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired BulkLoader bulk;
    @Autowired Statistics statistics;
    @Autowired Users users;

    @Test
    void bulkRowsEqualTheServicesTimelines() {
        clock.set(Instant.now());
        CaseMix mix = new CaseMix(LocalDate.parse("2021-05-06"), LocalDate.parse("2021-05-28"), 7L, calendar,
                regions, catalog);
        Random rnd = new Random(7L);
        Set<String> kinds = new HashSet<>();
        List<Plan> sample = new ArrayList<>();
        for (int i = 0; i < 400 && (sample.size() < 8 || !kinds.containsAll(Set.of("REQUEST_SUPPLEMENT", "SUSPEND",
                "RETURN", "REFUSE"))); i++) {
            Plan p = mix.next(rnd);
            Set<String> actions = new HashSet<>();
            p.acts().forEach(a -> actions.add(a.action()));
            boolean newKind = actions.stream().anyMatch(a -> a != null && !kinds.contains(a)
                    && Set.of("REQUEST_SUPPLEMENT", "SUSPEND", "RETURN", "REFUSE", "DENY", "WITHDRAW").contains(a));
            if (sample.size() < 4 || newKind) {
                sample.add(p);
                kinds.addAll(actions);
            }
        }
        assertThat(kinds).contains("REQUEST_SUPPLEMENT", "SUSPEND", "RETURN", "REFUSE");
        PlanArithmetic arithmetic = new PlanArithmetic(calendar);
        for (Plan p : sample) {
            MatterVersion m = catalog.version(p.matterVersionId());
            String number = driver.play(p, m);
            Map<Level, String> route = new EnumMap<>(Level.class);
            for (Level l : Level.values()) {
                regions.ancestorAt(p.regionCode(), l).ifPresent(a -> route.put(l, a.code()));
            }
            PlanArithmetic.Result expected = arithmetic.apply(p, m, route, clock.instant());
            Map<String, Object> row = jdbc.sql("select id, status, working_days, accepted_at, due_date, paused_days "
                    + "from case_file where number = ?").param(number).query().singleRow();
            assertThat(row.get("status")).as(number).isEqualTo(expected.status().name());
            assertThat(decimal(row.get("working_days"))).as(number).isEqualTo(decimal(expected.workingDays()));
            assertThat(decimal(row.get("paused_days"))).as(number).isEqualTo(decimal(expected.pausedDays()));
            assertThat(String.valueOf(row.get("due_date"))).as(number).isEqualTo(String.valueOf(expected.dueDate()));
            List<String> actual = jdbc.sql("select seq, step_code, party_code, outcome, working_days from case_step "
                    + "where case_id = ? order by seq").param(row.get("id"))
                    .query((rs, i) -> rs.getInt(1) + " " + rs.getString(2) + "/" + rs.getString(3) + " "
                            + rs.getString(4) + " " + decimal(rs.getBigDecimal(5)))
                    .list();
            List<String> computed = expected.steps().stream().map(s -> s.seq() + " " + s.code() + "/"
                    + s.partyCode() + " " + s.outcome() + " " + decimal(s.workingDays())).toList();
            assertThat(actual).as(number).isEqualTo(computed);
        }
    }

    @Test
    void bulkLoadedCasesCountInMonthsAlreadyStored() {
        clock.set(Instant.now());
        var supervisor = users.find("supervisor@140000").orElseThrow();
        StatsQuery july = new StatsQuery(LocalDate.parse("2021-07-01"), LocalDate.parse("2021-07-31"), null, null,
                null);
        long before = statistics.summary(july, supervisor).cases(); // stores July 2021's tallies
        bulk.load(new SimulationRequest(LocalDate.parse("2021-07-01"), LocalDate.parse("2021-07-31"), 5, 9L),
                System.out);
        assertThat(statistics.summary(july, supervisor).cases()).isEqualTo(before + 5);
    }

    private static String decimal(Object o) {
        return o == null ? "null" : new java.math.BigDecimal(o.toString()).setScale(2).toPlainString();
    }
}
