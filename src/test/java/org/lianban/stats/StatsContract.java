package org.lianban.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianban.TestClock;
import org.lianban.cases.CaseService;
import org.lianban.catalog.Catalog;
import org.lianban.common.ClockConfig;
import org.lianban.identity.Users;
import org.lianban.stats.internal.FactUpdater;
import org.lianban.stats.internal.Plan;
import org.lianban.stats.internal.ServiceDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Statistics over hand-built cases played through the real case service (National Day 2020 holidays, a supplement,
 * a special procedure, a return, a refusal, an open case), compared with figures computed by hand from the law's
 * working-day rules; scoping; exports; the history simulator.
 */
abstract class StatsContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** 岚县, 吕梁市: the hand-built cases live here, in autumn 2020 (no other test files cases there then). */
    static final String COUNTY = "141127", CITY = "141100", OTHER_COUNTY = "140105";
    static final String FROM = "2020-09-01", TO = "2020-11-30";

    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired ServiceDriver driver;
    @Autowired FactUpdater facts;
    @Autowired Catalog catalog;
    @Autowired CaseService cases;
    @Autowired Users users;
    @Autowired HistorySimulator simulator;
    @Autowired Statistics statistics;
    @Autowired org.lianban.cases.Cases caseReads;
    @Autowired org.lianban.calendar.CalendarAdmin calendarAdmin;
    @Autowired org.lianban.stats.internal.MonthTallies months;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private static final Map<String, List<String>> PLAYED = new HashMap<>();

    @BeforeEach
    void handBuiltCases() {
        clock.set(Instant.now());
        String key = getClass().getSimpleName();
        if (PLAYED.containsKey(key)) {
            return;
        }
        List<String> numbers = new ArrayList<>();
        String clerk = "clerk@" + COUNTY, reviewer = "reviewer@" + COUNTY, approver = "approver@" + COUNTY;
        // A: across the National Day holidays (10-01..10-08 off, Sunday 09-27 and Saturday 10-10 worked)
        numbers.add(play("NR-LAND-01-X", COUNTY, "2020-09-25T09:00",
                act("2020-09-25T10:00", clerk, "ACCEPT"),          // accept 0.04
                act("2020-09-30T10:00", reviewer, "PASS"),         // county review 4.00 (Sun 27 worked)
                act("2020-10-09T10:00", approver, "APPROVE"),      // decide 1.00 (holidays skipped)
                act("2020-10-10T10:00", clerk, "ISSUE")));         // issue 1.00 (Sat 10 worked); case 6.00
        // B: supplement before acceptance, expert review (2.00 paused) inside the county review
        numbers.add(play("NR-LAND-01-X", COUNTY, "2020-11-02T09:00",
                new Plan.Act(t("2020-11-02T11:00"), Plan.Kind.ACTION, clerk, "REQUEST_SUPPLEMENT", "请补正",
                        List.of("M01"), null, null),               // accept row 0.08
                new Plan.Act(t("2020-11-04T09:00"), Plan.Kind.RESUBMIT, "applicant1", null, null, List.of("M01"),
                        null, null),
                act("2020-11-04T10:00", clerk, "ACCEPT"),          // accept row 0.04
                new Plan.Act(t("2020-11-05T10:00"), Plan.Kind.ACTION, reviewer, "SUSPEND", null, List.of(),
                        "EXPERT_REVIEW", null),
                act("2020-11-09T10:00", reviewer, "RESUME"),
                act("2020-11-10T10:00", reviewer, "PASS"),         // county review 4.00 - 2.00 = 2.00
                act("2020-11-10T16:00", approver, "APPROVE"),      // decide 0.25
                act("2020-11-11T10:00", clerk, "ISSUE")));         // issue 0.75; case 5.00 - 2.00 = 3.00
        // C: city-decided, returned once from the city review to the county review
        numbers.add(play("NR-LAND-01-C", COUNTY, "2020-11-16T09:00",
                act("2020-11-16T09:30", clerk, "ACCEPT"),          // accept 0.02
                act("2020-11-16T15:30", reviewer, "PASS"),         // county review 0.25
                new Plan.Act(t("2020-11-17T15:30"), Plan.Kind.ACTION, "reviewer@" + CITY, "RETURN", "请补充说明",
                        List.of(), null, "county-review"),         // city review 1.00
                act("2020-11-18T09:30", reviewer, "PASS"),         // county review 0.75
                act("2020-11-19T09:30", "reviewer@" + CITY, "PASS"), // city review 1.00
                act("2020-11-19T15:30", "approver@" + CITY, "APPROVE"), // decide (city) 0.25
                act("2020-11-20T09:30", clerk, "ISSUE")));         // issue 0.75; case 4.00
        // D: refused to accept; E: accepted and still open (long past due: red)
        numbers.add(play("NR-LAND-01-X", COUNTY, "2020-11-24T09:00",
                new Plan.Act(t("2020-11-24T10:00"), Plan.Kind.ACTION, clerk, "REFUSE", "不属于本机关职权范围",
                        List.of(), null, null)));
        numbers.add(play("NR-LAND-01-X", COUNTY, "2020-11-25T09:00", act("2020-11-25T10:00", clerk, "ACCEPT")));
        // F: another city's case in the same period (太原市小店区), refused
        numbers.add(play("NR-LAND-01-X", OTHER_COUNTY, "2020-11-26T09:00",
                new Plan.Act(t("2020-11-26T10:00"), Plan.Kind.ACTION, "clerk@" + OTHER_COUNTY, "REFUSE",
                        "不属于本机关职权范围", List.of(), null, null)));
        numbers.forEach(facts::refresh);
        PLAYED.put(key, numbers);
    }

    /**
     * Events of one case are handled by asynchronous listeners, so two can refresh a case's fact at once. On
     * PostgreSQL the loser of the first insert used to fail its transaction (duplicate key aborts it) and leave a
     * failed event publication behind.
     */
    @Test
    void eventsOfOneCaseHandledAtOnceAllSucceed() throws Exception {
        String number = PLAYED.get(getClass().getSimpleName()).get(0);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                jdbc.sql("delete from stats_case where case_number = ?").param(number).update();
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        tx.executeWithoutResult(s -> facts.refresh(number));
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
                assertThat(jdbc.sql("select count(*) from stats_case where case_number = ?").param(number)
                        .query(Long.class).single()).isEqualTo(1L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void summaryEqualsTheHandComputedFigures() throws Exception {
        JsonNode s = summary("supervisor@" + CITY, "");
        assertThat(s.get("cases").asLong()).isEqualTo(5);
        assertThat(s.get("completed").asLong()).isEqualTo(3);
        assertThat(s.get("inProgress").asLong()).isEqualTo(1);
        assertThat(s.get("refused").asLong()).isEqualTo(1);
        assertThat(s.get("denied").asLong()).isZero();
        assertThat(s.get("withdrawn").asLong()).isZero();
        assertThat(s.get("averageWorkingDays").decimalValue()).isEqualByComparingTo("4.33"); // (6 + 3 + 4) / 3
        assertThat(s.get("medianWorkingDays").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(s.get("onTimeRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(s.get("red").asLong()).isEqualTo(1);
        assertThat(s.get("yellow").asLong()).isZero();
        assertThat(s.get("overdue").asLong()).isEqualTo(1);
        assertThat(s.get("overdueCases").get(0).get("number").asString()).isEqualTo(PLAYED.get(key()).get(4));

        Map<String, JsonNode> levels = rows(s.get("byLevel"), "level");
        assertThat(levels.get("COUNTY").get("workingDays").decimalValue()).isEqualByComparingTo("10.93");
        assertThat(levels.get("CITY").get("workingDays").decimalValue()).isEqualByComparingTo("2.25");
        assertThat(levels.get("PROVINCE").get("workingDays").decimalValue()).isEqualByComparingTo("0");
        assertThat(levels.get("COUNTY").get("share").decimalValue()).isEqualByComparingTo("0.8293");

        Map<String, JsonNode> steps = new HashMap<>();
        s.get("byStep").forEach(r -> steps.put(r.get("stepCode").asString() + "/" + r.get("level").asString(), r));
        assertThat(steps.get("county-review/COUNTY").get("cases").asLong()).isEqualTo(3);
        assertThat(steps.get("county-review/COUNTY").get("workingDays").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(steps.get("county-review/COUNTY").get("averageWorkingDays").decimalValue())
                .isEqualByComparingTo("2.33");
        assertThat(steps.get("accept/COUNTY").get("workingDays").decimalValue()).isEqualByComparingTo("0.18");
        assertThat(steps.get("city-review/CITY").get("workingDays").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(steps.get("decide/COUNTY").get("averageWorkingDays").decimalValue()).isEqualByComparingTo("0.63");
        assertThat(steps.get("decide/CITY").get("workingDays").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(steps.get("issue/COUNTY").get("workingDays").decimalValue()).isEqualByComparingTo("2.50");
        // the slowest step first: the bottleneck
        assertThat(s.get("byStep").get(0).get("stepCode").asString()).isEqualTo("county-review");

        Map<String, JsonNode> regions = rows(s.get("byRegion"), "regionCode");
        assertThat(regions.get(COUNTY).get("cases").asLong()).isEqualTo(5);
        assertThat(regions.get(COUNTY).get("red").asLong()).isEqualTo(1);
        assertThat(regions).hasSize(13).doesNotContainKey(OTHER_COUNTY);
        long weekly = 0;
        for (JsonNode w : s.get("byWeek")) {
            weekly += w.get("cases").asLong();
        }
        assertThat(weekly).isEqualTo(5);
    }

    @Test
    void everyFigureIsTheTimelinesOwn() throws Exception {
        List<BigDecimal> used = new ArrayList<>();
        for (String n : PLAYED.get(key()).subList(0, 3)) {
            used.add(cases.view(users.find("supervisor@" + CITY).orElseThrow(), n).workingDaysUsed());
        }
        assertThat(used).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("6.00"), new BigDecimal("3.00"), new BigDecimal("4.00"));
    }

    @Test
    void aCitySupervisorNeverSeesAnotherCitysCases() throws Exception {
        assertThat(summary("supervisor@140100", "").get("cases").asLong()).isEqualTo(1);
        assertThat(summary("supervisor@140000", "").get("cases").asLong()).isEqualTo(6);
        assertThat(summary("supervisor@" + CITY, "").get("cases").asLong()).isEqualTo(5);
        mvc.perform(get("/api/v1/stats/summary").param("region", OTHER_COUNTY).with(as("supervisor@" + CITY)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOfficialReadsItsOwnRegionOnly() throws Exception {
        assertThat(summary("reviewer@" + COUNTY, "").get("cases").asLong()).isEqualTo(5);
        mvc.perform(get("/api/v1/stats/summary").param("region", CITY).with(as("reviewer@" + COUNTY)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/stats/summary").with(as("applicant1"))).andExpect(status().isForbidden());
    }

    @Test
    void aMatterFilterCountsOnlyThatMatter() throws Exception {
        JsonNode s = summary("supervisor@" + CITY, "&matter=NR-LAND-01-C");
        assertThat(s.get("cases").asLong()).isEqualTo(1);
        assertThat(s.get("averageWorkingDays").decimalValue()).isEqualByComparingTo("4.00");
    }

    @Test
    void badParametersAreNamed() throws Exception {
        expectBad("from", "from", "2020-13-01");
        expectBad("format", "format", "pdf");
        expectBad("region", "region", "999999");
        expectBad("matter", "matter", "NO-SUCH");
        expectBad("category", "category", "weather");
        mvc.perform(get("/api/v1/stats/summary").param("from", "2021-01-02").param("to", "2021-01-01")
                .with(as("supervisor@140000"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void csvAndExcelExportsParseBackToTheSameNumbers() throws Exception {
        JsonNode s = summary("supervisor@" + CITY, "");
        MvcResult csv = mvc.perform(get("/api/v1/stats/summary?from=" + FROM + "&to=" + TO + "&table=byStep")
                .accept("text/csv").with(as("supervisor@" + CITY))).andExpect(status().isOk()).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        CsvMapper mapper = CsvMapper.builder().build();
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv.getResponse().getContentAsString(StandardCharsets.UTF_8))) {
            rows = it.readAll();
        }
        assertThat(rows).hasSize(s.get("byStep").size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("stepCode")).isEqualTo(s.get("byStep").get(i).get("stepCode").asString());
            assertThat(new BigDecimal(rows.get(i).get("workingDays")))
                    .isEqualByComparingTo(s.get("byStep").get(i).get("workingDays").decimalValue());
        }
        String all = mvc.perform(get("/api/v1/stats/summary?format=csv&from=" + FROM + "&to=" + TO)
                .with(as("supervisor@" + CITY))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains("summary\r\nmetric,value\r\n").contains("averageWorkingDays,4.33");

        byte[] xlsx = mvc.perform(get("/api/v1/stats/summary?format=xlsx&from=" + FROM + "&to=" + TO)
                .with(as("supervisor@" + CITY))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(7);
            Map<String, Object> summary = new HashMap<>();
            Sheet sheet = wb.getSheet("summary");
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && r.getCell(1) != null) {
                    summary.put(r.getCell(0).getStringCellValue(), switch (r.getCell(1).getCellType()) {
                        case NUMERIC -> r.getCell(1).getNumericCellValue();
                        default -> r.getCell(1).getStringCellValue();
                    });
                }
            }
            assertThat(summary.get("cases")).isEqualTo(5.0);
            assertThat(summary.get("averageWorkingDays")).isEqualTo(4.33);
            assertThat(wb.getSheet("byRegion").getPhysicalNumberOfRows()).isEqualTo(s.get("byRegion").size() + 1);
        }
    }

    /**
     * Yellow and red come from the onsets stored with the facts (Cases.deadlineOnset), not from the case module per
     * request: at every moment of a sweep, and a millisecond either side of every stored onset, they equal the case
     * module's live rule (Cases.deadlineWarnings) for running, resumed and paused (green, yellow, red) cases.
     * 方山县, June 2020 (Dragon Boat Festival 06-25..06-27 off, Sunday 06-28 worked): no other test files cases there.
     */
    @Test
    void yellowAndRedAreTheCaseModulesOwnAtEveryMoment() {
        String county = "141128", clerk = "clerk@" + county, reviewer = "reviewer@" + county;
        List<String> numbers = new ArrayList<>();
        numbers.add(play("NR-LAND-01-X", county, "2020-06-01T09:00", act("2020-06-01T10:00", clerk, "ACCEPT"),
                suspend("2020-06-02T10:00", reviewer)));                                  // paused green
        numbers.add(play("NR-LAND-01-X", county, "2020-06-01T09:00", act("2020-06-01T10:30", clerk, "ACCEPT"),
                suspend("2020-06-11T15:00", reviewer)));                                  // paused yellow (8.19)
        numbers.add(play("NR-LAND-01-X", county, "2020-06-01T09:00", act("2020-06-01T11:00", clerk, "ACCEPT"),
                suspend("2020-06-17T10:00", reviewer)));                                  // paused after due: red
        numbers.add(play("NR-LAND-01-X", county, "2020-06-22T09:00", act("2020-06-22T10:00", clerk, "ACCEPT")));
        numbers.add(play("NR-LAND-01-X", county, "2020-06-22T09:00", act("2020-06-22T10:30", clerk, "ACCEPT"),
                suspend("2020-06-23T10:00", reviewer), act("2020-06-24T15:00", reviewer, "RESUME")));
        numbers.add(play("NR-LAND-01-X", county, "2020-06-22T09:00"));                 // not accepted: never
        numbers.forEach(facts::refresh);

        List<Instant> moments = new ArrayList<>();
        for (Instant at = t("2020-06-22T12:00"); at.isBefore(t("2020-07-14T00:00")); at = at.plusSeconds(5 * 3600)) {
            moments.add(at);
        }
        jdbc.sql("select yellow_from, red_after from stats_case where region_code = ?").param(county).query(rs -> {
            for (int column = 1; column <= 2; column++) {
                var onset = rs.getObject(column, java.time.OffsetDateTime.class);
                if (onset != null && onset.toInstant().isAfter(t("2020-06-22T12:00"))) {
                    for (long ms = -1; ms <= 1; ms++) {
                        moments.add(onset.toInstant().plusMillis(ms));
                    }
                }
            }
        });
        java.util.Set<String> seen = sameColoursAsTheCaseModule(county, numbers, moments);
        // the sweep saw the running cases turn yellow, then red (and the paused ones keep their colours)
        assertThat(seen).contains("1 yellow, 1 red", "2 yellow, 1 red", "1 yellow, 3 red");
    }

    /**
     * A replaced calendar year moves the moment a running case turns yellow (80 % of its working days): the stored
     * onsets follow at the next summary. An extra holiday on Monday 2020-06-29 delays the yellow of a case accepted on
     * 2020-06-22 by a working day; its due time (stored when it was accepted) stays.
     */
    @Test
    void aChangedCalendarMovesTheStoredYellow() {
        String county = "141130"; // 交口县, June 2020: no other test files cases there
        List<String> numbers = List.of(play("NR-LAND-01-X", county, "2020-06-22T09:00",
                act("2020-06-22T10:00", "clerk@" + county, "ACCEPT")));
        numbers.forEach(facts::refresh);
        var supervisor = users.find("supervisor@" + county).orElseThrow();
        clock.set(t("2020-07-03T12:00"));
        StatsQuery june = new StatsQuery(LocalDate.parse("2020-06-01"), LocalDate.parse("2020-06-30"), county, null,
                null);
        assertThat(statistics.summary(june, supervisor).yellow()).isEqualTo(1);
        List<org.lianban.calendar.CalendarAdmin.Day> days = calendarAdmin.days(2020);
        var year = calendarAdmin.years().stream().filter(y -> y.year() == 2020).findFirst().orElseThrow();
        List<org.lianban.calendar.CalendarAdmin.DayEntry> rows = new ArrayList<>(days.stream()
                .map(d -> new org.lianban.calendar.CalendarAdmin.DayEntry(d.date().toString(),
                        d.kind().name().toLowerCase(java.util.Locale.ROOT), d.name()))
                .toList());
        try {
            List<org.lianban.calendar.CalendarAdmin.DayEntry> changed = new ArrayList<>(rows);
            changed.add(new org.lianban.calendar.CalendarAdmin.DayEntry("2020-06-29", "holiday", "测试假日"));
            calendarAdmin.replaceYear(2020, changed, year.source(), "test");
            List<Instant> moments = new ArrayList<>();
            for (Instant at = t("2020-07-02T00:00"); at.isBefore(t("2020-07-09T00:00"));
                    at = at.plusSeconds(2 * 3600)) {
                moments.add(at);
            }
            java.util.Set<String> seen = sameColoursAsTheCaseModule(county, numbers, moments);
            assertThat(seen).contains("0 yellow, 0 red", "1 yellow, 0 red", "0 yellow, 1 red");
            clock.set(t("2020-07-03T12:00"));
            assertThat(statistics.summary(june, supervisor).yellow()).isZero(); // one working day later now
        } finally {
            calendarAdmin.replaceYear(2020, rows, year.source(), year.updatedBy()); // as it was (others read it)
        }
    }

    /**
     * A case of a month whose tallies are stored (May 2020, seen from August) finishes late: the stored tallies follow
     * the change instead of the month being forgotten and rebuilt from all its facts, and give what counting the facts
     * gives. 中阳县, May 2020: no other test files cases there.
     */
    @Test
    void aLateChangeInAStoredMonthUpdatesItsTalliesInPlace() {
        String county = "141129", clerk = "clerk@" + county, reviewer = "reviewer@" + county;
        String done = play("NR-LAND-01-X", county, "2020-05-11T09:00", act("2020-05-11T10:00", clerk, "ACCEPT"),
                act("2020-05-12T10:00", reviewer, "PASS"), act("2020-05-13T10:00", "approver@" + county, "APPROVE"),
                act("2020-05-14T10:00", clerk, "ISSUE"));
        String late = play("NR-LAND-01-X", county, "2020-05-18T09:00", act("2020-05-18T10:00", clerk, "ACCEPT"));
        facts.refreshAll(List.of(done, "140105-1999-999999", late)); // a batch, with a case that does not exist
        var supervisor = users.find("supervisor@" + county).orElseThrow();
        StatsQuery may = new StatsQuery(LocalDate.parse("2020-05-01"), LocalDate.parse("2020-05-31"), county, null,
                null);
        clock.set(t("2020-08-10T09:00"));
        assertThat(statistics.summary(may, supervisor).inProgress()).isEqualTo(1);
        assertThat(months.isStored(LocalDate.parse("2020-05-01"))).isTrue();

        int version = cases.view(supervisor, late).version();
        for (String[] a : new String[][] {{"2020-08-10T10:00", reviewer, "PASS"},
                {"2020-08-10T11:00", "approver@" + county, "APPROVE"}, {"2020-08-10T12:00", clerk, "ISSUE"}}) {
            version = cases.at(t(a[0])).act(users.find(a[1]).orElseThrow(), late,
                    new org.lianban.cases.ActionRequest(a[2], version, null, null, null, null, null), null).version();
        }
        facts.refresh(late);
        clock.set(t("2020-08-11T09:00"));
        StatsSummary stored = statistics.summary(may, supervisor);
        assertThat(months.isStored(LocalDate.parse("2020-05-01"))).isTrue();
        assertThat(List.of(stored.cases(), stored.completed(), stored.inProgress(), stored.overdue()))
                .isEqualTo(List.of(2L, 2L, 0L, 1L)); // finished after its due date: late
        months.invalidate(LocalDate.parse("2020-05-01"));
        assertThat(statistics.summary(may, supervisor)).isEqualTo(stored); // rebuilt from the facts: the same
    }

    /** At each moment, the summary's yellow, red and red list equal the case module's live rule for these cases. */
    private java.util.Set<String> sameColoursAsTheCaseModule(String county, List<String> numbers,
            List<Instant> moments) {
        List<Instant> all = new ArrayList<>(moments);
        var supervisor = users.find("supervisor@" + county).orElseThrow();
        StatsQuery june = new StatsQuery(LocalDate.parse("2020-06-01"), LocalDate.parse("2020-06-30"), county, null,
                null);
        clock.set(moments.getFirst());
        statistics.summary(june, supervisor); // works out onsets not known (yet, or since the calendar changed)
        jdbc.sql("select yellow_from, red_after from stats_case where region_code = ? and onset_known")
                .param(county).query(rs -> {
                    for (int column = 1; column <= 2; column++) {
                        var onset = rs.getObject(column, java.time.OffsetDateTime.class);
                        if (onset != null && onset.toInstant().isAfter(moments.getFirst())) {
                            for (long ms = -1; ms <= 1; ms++) {
                                all.add(onset.toInstant().plusMillis(ms));
                            }
                        }
                    }
                });
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (Instant at : all) {
            clock.set(at);
            StatsSummary s = statistics.summary(june, supervisor);
            List<org.lianban.cases.DeadlineWarning> live = caseReads.deadlineWarnings(county, at).stream()
                    .filter(w -> numbers.contains(w.number())).toList();
            List<String> liveRed = live.stream().filter(w -> w.warning() == org.lianban.cases.Warning.RED)
                    .sorted(java.util.Comparator.comparing(org.lianban.cases.DeadlineWarning::dueDate)
                            .thenComparing(org.lianban.cases.DeadlineWarning::number))
                    .map(org.lianban.cases.DeadlineWarning::number).toList();
            long liveYellow = live.size() - liveRed.size();
            assertThat(List.of(s.yellow(), s.red())).as("yellow, red at %s", at)
                    .isEqualTo(List.of(liveYellow, (long) liveRed.size()));
            assertThat(s.overdueCases()).extracting(StatsSummary.OverdueCase::number).as("red at %s", at)
                    .isEqualTo(liveRed);
            assertThat(s.byRegion().getFirst().red()).isEqualTo(liveRed.size());
            seen.add(liveYellow + " yellow, " + liveRed.size() + " red");
        }
        return seen;
    }

    @Test
    void simulatedCasesShowInTheSummaryWithTheirTimelinesAverage() throws Exception {
        // a quiet period of its own: March 2021, 6 cases
        SimulationStatus done = simulator.run(new SimulationRequest(LocalDate.parse("2021-03-01"),
                LocalDate.parse("2021-03-31"), 6, 42L));
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.numbers()).hasSize(6);
        done.numbers().forEach(facts::refresh);
        var supervisor = users.find("supervisor@140000").orElseThrow();
        List<BigDecimal> completed = new ArrayList<>();
        for (String n : done.numbers()) {
            var v = cases.view(supervisor, n);
            if (v.status().name().matches("ISSUED|APPROVED|DENIED") && v.finishedAt() != null) {
                completed.add(v.workingDaysUsed());
            }
        }
        MvcResult r = mvc.perform(get("/api/v1/stats/summary").param("from", "2021-03-01").param("to", "2021-03-31")
                .with(as("supervisor@140000"))).andExpect(status().isOk()).andReturn();
        JsonNode s = JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(s.get("cases").asLong()).isEqualTo(6);
        assertThat(s.get("completed").asLong()).isEqualTo(completed.size());
        BigDecimal mean = completed.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(completed.size()), 2, RoundingMode.HALF_UP);
        assertThat(s.get("averageWorkingDays").decimalValue()).isEqualByComparingTo(mean);
    }

    @Test
    void theDashboardShowsTheFiguresWithTablesAndLinksToOverdueCases() throws Exception {
        String html = mvc.perform(get("/stats").param("from", FROM).param("to", TO)
                        .with(user("supervisor@" + CITY).roles("SUPERVISOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"tile-cases\">5<").contains("id=\"tile-average\">4.33<")
                .contains("id=\"table-step\"").contains("/workbench/cases/" + PLAYED.get(key()).get(4))
                .contains("/stats/export.csv?from=" + FROM).contains("/dist/echarts.min.js")
                .doesNotContain(OTHER_COUNTY);
        mvc.perform(get("/stats/export.xlsx").param("from", FROM).param("to", TO)
                .with(user("supervisor@" + CITY).roles("SUPERVISOR"))).andExpect(status().isOk());
        mvc.perform(get("/stats").with(user("applicant1").roles("APPLICANT"))).andExpect(status().isForbidden());
        mvc.perform(get("/stats").param("from", "someday").with(user("supervisor@" + CITY).roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("href=\"#from\"")));
    }

    @Test
    void theSimulatorIsAnAdministratorsDemoAction() throws Exception {
        mvc.perform(get("/admin/simulate").with(user("admin@140000").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/admin/simulate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"2021-13-01\",\"to\":\"2021-01-27\",\"cases\":3}")
                        .with(as("admin@140000")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/admin/simulate").with(as("supervisor@140000"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/simulate").with(as("admin@140000"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").exists());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String key() {
        return getClass().getSimpleName();
    }

    private void expectBad(String field, String param, String value) throws Exception {
        mvc.perform(get("/api/v1/stats/summary").param(param, value).with(as("supervisor@140000")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    JsonNode summary(String user, String extra) throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/stats/summary?from=" + FROM + "&to=" + TO + extra)
                .accept(MediaType.APPLICATION_JSON).with(as(user))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static Map<String, JsonNode> rows(JsonNode array, String key) {
        Map<String, JsonNode> m = new HashMap<>();
        array.forEach(r -> m.put(r.get(key).asString(), r));
        return m;
    }

    private final Map<String, String> tokens = new HashMap<>();

    RequestPostProcessor as(String username) {
        String token = tokens.computeIfAbsent(username, u -> {
            try {
                MvcResult r = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + u + "\",\"password\":\"demo\"}")).andReturn();
                return JSON.readTree(r.getResponse().getContentAsString()).get("token").asString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    private String play(String matter, String region, String submitted, Plan.Act... acts) {
        List<Plan.Act> all = new ArrayList<>();
        all.add(new Plan.Act(t(submitted), Plan.Kind.SUBMIT, "applicant1", null, null, List.of(), null, null));
        all.addAll(List.of(acts));
        var version = catalog.current(matter).orElseThrow();
        return driver.play(new Plan(matter, version.id(), region, "applicant1", t(submitted), all), version);
    }

    private static Plan.Act suspend(String at, String user) {
        return new Plan.Act(t(at), Plan.Kind.ACTION, user, "SUSPEND", null, List.of(), "EXPERT_REVIEW", null);
    }

    private static Plan.Act act(String at, String user, String action) {
        return new Plan.Act(t(at), Plan.Kind.ACTION, user, action, null, List.of(), null, null);
    }

    static Instant t(String chinaLocal) {
        return LocalDateTime.parse(chinaLocal).atZone(ClockConfig.CHINA).toInstant();
    }
}
