package org.lianban.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianban.calendar.CalendarAdmin.Coverage;
import org.lianban.calendar.CalendarAdmin.Day;
import org.lianban.calendar.CalendarAdmin.DayEntry;

/**
 * The arithmetic on the shipped cn-holidays.csv. Every expected value was worked out by hand from the file (the
 * runs of each period are written next to the cases), not with the code under test.
 */
class CalendarDataTest {

    static CalendarData shipped() throws IOException {
        try (InputStream in = CalendarDataTest.class.getResourceAsStream("/data/cn-holidays.csv")) {
            List<DayEntry> rows = DayRows.readCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<Integer, List<DayEntry>> byYear = rows.stream().collect(Collectors.groupingBy(
                    r -> Integer.parseInt(r.date().substring(0, 4)), TreeMap::new, Collectors.toList()));
            Map<Integer, List<Day>> days = new TreeMap<>();
            byYear.forEach((y, r) -> days.put(y, DayRows.validate(y, r)));
            return new CalendarData(days);
        }
    }

    final CalendarData cal = shipped();

    CalendarDataTest() throws IOException {}

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            # start    | n | deadline   | why
            2019-12-31 | 1 | 2020-01-02 | 元旦 2020-01-01 Wed off
            2020-01-18 | 1 | 2020-01-19 | Sun 01-19 was an adjusted workday
            2020-01-23 | 1 | 2020-02-03 | 春节 incl. extension 01-24 Fri .. 02-02 Sun
            2020-04-03 | 1 | 2020-04-07 | 清明 04-04 Sat .. 04-06 Mon
            2020-04-25 | 1 | 2020-04-26 | Sun 04-26 workday
            2020-04-30 | 1 | 2020-05-06 | 劳动节 05-01 Fri .. 05-05 Tue
            2020-05-08 | 1 | 2020-05-09 | Sat 05-09 workday
            2020-06-24 | 1 | 2020-06-28 | 端午 06-25 Thu .. 06-27 Sat, Sun 06-28 workday
            2020-09-30 | 1 | 2020-10-09 | 国庆节、中秋节 10-01 Thu .. 10-08 Thu
            2020-09-30 | 2 | 2020-10-10 | Sat 10-10 workday
            2020-09-30 | 3 | 2020-10-12 | then Mon
            2020-12-31 | 1 | 2021-01-04 | 元旦 2021 01-01 Fri .. 01-03 Sun
            2021-02-10 | 1 | 2021-02-18 | 春节 02-11 Thu .. 02-17 Wed
            2021-02-10 | 3 | 2021-02-20 | Thu, Fri, Sat 02-20 workday
            2021-04-02 | 1 | 2021-04-06 | 清明 04-03 Sat .. 04-05 Mon
            2021-04-30 | 1 | 2021-05-06 | 劳动节 05-01 Sat .. 05-05 Wed
            2021-06-11 | 1 | 2021-06-15 | 端午 06-12 Sat .. 06-14 Mon
            2021-09-17 | 1 | 2021-09-18 | Sat 09-18 workday
            2021-09-17 | 2 | 2021-09-22 | 中秋 09-19 Sun .. 09-21 Tue
            2021-09-30 | 1 | 2021-10-08 | 国庆 10-01 Fri .. 10-07 Thu
            2021-09-30 | 2 | 2021-10-09 | Sat 10-09 workday
            2021-12-31 | 1 | 2022-01-04 | 元旦 2022 01-01 Sat .. 01-03 Mon
            2022-01-28 | 1 | 2022-01-29 | Sat 01-29 workday
            2022-01-28 | 3 | 2022-02-07 | Sat, Sun 01-30 workdays, 春节 01-31 Mon .. 02-06 Sun
            2022-04-01 | 2 | 2022-04-06 | Sat 04-02 workday, 清明 04-03 Sun .. 04-05 Tue
            2022-04-29 | 1 | 2022-05-05 | 劳动节 04-30 Sat .. 05-04 Wed
            2022-06-02 | 1 | 2022-06-06 | 端午 06-03 Fri .. 06-05 Sun
            2022-09-09 | 1 | 2022-09-13 | 中秋 09-10 Sat .. 09-12 Mon
            2022-09-30 | 1 | 2022-10-08 | 国庆 10-01 Sat .. 10-07 Fri, Sat 10-08 workday
            2022-12-30 | 1 | 2023-01-03 | 元旦 2023 12-31 Sat .. 01-02 Mon
            2023-01-20 | 1 | 2023-01-28 | 春节 01-21 Sat .. 01-27 Fri, Sat 01-28 workday
            2023-04-04 | 1 | 2023-04-06 | 清明 04-05 Wed alone
            2023-04-28 | 1 | 2023-05-04 | 劳动节 04-29 Sat .. 05-03 Wed
            2023-06-21 | 1 | 2023-06-25 | 端午 06-22 Thu .. 06-24 Sat, Sun 06-25 workday
            2023-09-28 | 1 | 2023-10-07 | 中秋节、国庆节 09-29 Fri .. 10-06 Fri, Sat 10-07 workday
            2023-12-29 | 1 | 2024-01-02 | 元旦 2024 12-30 Sat .. 01-01 Mon
            2024-02-03 | 1 | 2024-02-04 | Sun 02-04 workday
            2024-02-08 | 1 | 2024-02-09 | 除夕 02-09 is not an official holiday
            2024-02-09 | 1 | 2024-02-18 | 春节 02-10 Sat .. 02-17 Sat, Sun 02-18 workday
            2024-04-03 | 1 | 2024-04-07 | 清明 04-04 Thu .. 04-06 Sat, Sun 04-07 workday
            2024-04-30 | 1 | 2024-05-06 | 劳动节 05-01 Wed .. 05-05 Sun
            2024-06-07 | 1 | 2024-06-11 | 端午 06-08 Sat .. 06-10 Mon
            2024-09-13 | 1 | 2024-09-14 | Sat 09-14 workday
            2024-09-13 | 2 | 2024-09-18 | 中秋 09-15 Sun .. 09-17 Tue
            2024-09-30 | 1 | 2024-10-08 | 国庆 10-01 Tue .. 10-07 Mon
            2024-09-30 | 20 | 2024-11-01 | 10-08..10-11 (4), Sat 10-12 (5), 14..18 (10), 21..25 (15), 28..31 (19), 11-01 (20)
            2024-12-31 | 1 | 2025-01-02 | 元旦 2025 01-01 Wed alone
            2025-01-27 | 1 | 2025-02-05 | 春节 01-28 Tue .. 02-04 Tue
            2025-04-03 | 1 | 2025-04-07 | 清明 04-04 Fri .. 04-06 Sun
            2025-04-30 | 1 | 2025-05-06 | 劳动节 05-01 Thu .. 05-05 Mon
            2025-05-30 | 1 | 2025-06-03 | 端午 05-31 Sat .. 06-02 Mon
            2025-09-30 | 1 | 2025-10-09 | 国庆节、中秋节 10-01 Wed .. 10-08 Wed
            2025-10-10 | 1 | 2025-10-11 | Sat 10-11 workday
            2025-12-31 | 1 | 2026-01-04 | 元旦 2026 01-01 Thu .. 01-03 Sat, Sun 01-04 workday
            2026-02-13 | 1 | 2026-02-14 | Sat 02-14 workday
            2026-02-13 | 2 | 2026-02-24 | 春节 02-15 Sun .. 02-23 Mon
            2026-04-03 | 1 | 2026-04-07 | 清明 04-04 Sat .. 04-06 Mon
            2026-04-30 | 1 | 2026-05-06 | 劳动节 05-01 Fri .. 05-05 Tue
            2026-06-18 | 1 | 2026-06-22 | 端午 06-19 Fri .. 06-21 Sun
            2026-09-19 | 1 | 2026-09-20 | Sun 09-20 workday
            2026-09-24 | 1 | 2026-09-28 | 中秋 09-25 Fri .. 09-27 Sun
            2026-09-30 | 1 | 2026-10-08 | 国庆 10-01 Thu .. 10-07 Wed
            2026-09-30 | 3 | 2026-10-10 | Thu, Fri, Sat 10-10 workday
            2026-12-31 | 1 | 2027-01-01 | 2027 has no data: weekends only, so Fri 01-01 counts
            2026-12-31 | 2 | 2027-01-04 | then Mon
            2024-03-04 | 0 | 2024-03-04 | zero days: the start itself
            2024-03-09 | 0 | 2024-03-09 | zero days even on a Saturday
            """)
    void deadlineIsTheNthWorkingDayAfterTheStart(LocalDate start, int n, LocalDate expected, String why) {
        assertThat(cal.deadline(start, n)).as(why).isEqualTo(expected);
    }

    @Test
    void adjustedWeekendsAreWorkingDaysAndHolidayWeekdaysAreNot() {
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-02-04"))).isTrue();   // Sun, 春节 调休
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-02-18"))).isTrue();   // Sun
        assertThat(cal.isWorkingDay(LocalDate.parse("2026-01-04"))).isTrue();   // Sun
        assertThat(cal.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();   // Sat
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-02-12"))).isFalse();  // Mon in 春节
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-02-24"))).isFalse();  // ordinary Sat
        assertThat(cal.isWorkingDay(LocalDate.parse("2020-02-01"))).isFalse();  // Sat, its 调休 cancelled by the extension
        assertThat(cal.isWorkingDay(LocalDate.parse("2020-02-03"))).isTrue();   // ordinary Mon
    }

    @Test
    void aNegativeNumberOfDaysIsRefused() {
        assertThatThrownBy(() -> cal.deadline(LocalDate.parse("2024-03-04"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dueAtIsMidnightInShanghaiAfterTheDeadline() {
        // 2023-12-29 23:30 in Shanghai is 15:30 UTC; deadline + 1 = 2024-01-02 (元旦 Mon off), due at 01-03 00:00 +08
        assertThat(cal.dueAt(at("2023-12-29T15:30:00Z"), 1)).isEqualTo(at("2024-01-03T00:00:00+08:00"));
        // 2024-02-08 20:00 UTC is already Fri 02-09 04:00 in Shanghai: + 1 = Sun 02-18, due 02-19 00:00 +08
        assertThat(cal.dueAt(at("2024-02-08T20:00:00Z"), 1)).isEqualTo(at("2024-02-19T00:00:00+08:00"));
        assertThat(cal.dueAt(at("2024-03-04T10:00:00+08:00"), 0)).isEqualTo(at("2024-03-05T00:00:00+08:00"));
    }

    @ParameterizedTest(name = "{0} .. {1} = {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            # from                    | to                        | days | why
            2024-03-04T09:00+08:00    | 2024-03-04T21:00+08:00    | 0.50 | Mon, 12 h
            2024-03-04T09:00+08:00    | 2024-03-04T18:00+08:00    | 0.38 | 9 h = 0.375, half up
            2024-03-04T09:00+08:00    | 2024-03-04T09:00+08:00    | 0.00 | from == to
            2024-03-09T09:00+08:00    | 2024-03-09T21:00+08:00    | 0.00 | Sat
            2024-03-08T18:00+08:00    | 2024-03-09T06:00+08:00    | 0.25 | Fri 18..24 = 6 h, Sat 0
            2024-03-03T20:00:00Z      | 2024-03-04T04:00:00Z      | 0.33 | Mon 04:00..12:00 in Shanghai = 8 h
            2024-02-08T22:00+08:00    | 2024-02-19T02:00+08:00    | 2.17 | Thu 2 h + Fri 24 h + 春节 0 + Sun 02-18 workday 24 h + Mon 2 h = 52 h
            2023-09-28T12:00+08:00    | 2023-10-07T12:00+08:00    | 1.00 | Thu 12..24 h = 12 h, 09-29 .. 10-06 off, Sat 10-07 workday 0..12 h = 12 h; 24 h in all
            2024-01-01T00:00+08:00    | 2025-01-01T00:00+08:00    | 251.00 | 2024: 262 weekdays - 19 weekday holidays + 8 workdays
            2025-01-01T00:00+08:00    | 2026-01-01T00:00+08:00    | 248.00 | 2025: 261 weekdays - 18 weekday holidays + 5 workdays
            """)
    void workingDaysCountTheOverlapWithWorkingDays(String from, String to, BigDecimal expected, String why) {
        assertThat(cal.workingDays(at(from), at(to))).as(why).isEqualTo(expected);
    }

    @Test
    void workingDaysHaveTwoDecimals() {
        assertThat(cal.workingDays(at("2024-03-04T09:00+08:00"), at("2024-03-04T09:00+08:00")).scale()).isEqualTo(2);
        assertThat(cal.workingDays(at("2024-01-01T00:00+08:00"), at("2025-01-01T00:00+08:00")).toPlainString())
                .isEqualTo("251.00");
    }

    @Test
    void toBeforeFromIsRefused() {
        assertThatThrownBy(() -> cal.workingDays(at("2024-03-04T10:00+08:00"), at("2024-03-04T09:00+08:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * 2020 .. 2026 in one call. Per year (Mon–Fri) − (listed holidays on Mon–Fri) + (listed weekend workdays), counted
     * from the file: 2020 262−19+6=249, 2021 261−18+7=250, 2022 260−18+7=249, 2023 260−18+7=249, 2024 262−19+8=251,
     * 2025 261−18+5=248, 2026 261−19+6=248; in all 1744.
     */
    @Test
    void aSpanOfSevenYearsIsCountedInOneCall() {
        // speed is measured by the benchmarks (docs/benchmarks.md), not asserted in a unit test
        Instant from = at("2020-01-01T00:00+08:00");
        Instant to = at("2027-01-01T00:00+08:00");
        assertThat(cal.workingDays(from, to)).isEqualByComparingTo("1744.00");
    }

    @Test
    void aMissingCurrentOrNextYearIsReported() {
        Coverage late2026 = cal.coverage(2026);
        assertThat(late2026.coveredYears()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(late2026.missingYears()).containsExactly(2027);
        assertThat(late2026.warning()).contains("2027").contains("Monday to Friday");

        assertThat(cal.coverage(2025).missingYears()).isEmpty();
        assertThat(cal.coverage(2025).warning()).isNull();
        assertThat(cal.coverage(2030).missingYears()).containsExactly(2030, 2031);
    }

    @Test
    void aYearWithoutDataCountsWeekendsOnly() {
        CalendarData empty = new CalendarData(Map.of());
        assertThat(empty.coveredYears()).isEmpty();
        assertThat(empty.isWorkingDay(LocalDate.parse("2024-10-01"))).isTrue();   // 国庆 Tue, unknown here
        assertThat(empty.deadline(LocalDate.parse("2024-09-27"), 1)).isEqualTo(LocalDate.parse("2024-09-30"));
    }
}
