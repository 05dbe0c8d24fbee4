package org.lianban.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianban.calendar.CalendarAdmin.DayEntry;
import org.lianban.common.ClockConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calendar changes made by another node (simulated by writing the tables directly, as that node's
 * {@code replaceYear} does) reach this node's snapshot at the next periodic check. Far-future years nothing else uses.
 */
abstract class CalendarRefreshContract {

    @Autowired CalendarService calendar;
    @Autowired JdbcClient jdbc;

    private static final int YEAR = 2160;
    private static final LocalDate MONDAY = LocalDate.of(YEAR, 3, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));

    private BigDecimal workingDaysOfThatWeek() {
        return calendar.workingDays(MONDAY.atStartOfDay(ClockConfig.CHINA).toInstant(),
                MONDAY.plusDays(7).atStartOfDay(ClockConfig.CHINA).toInstant());
    }

    /** What another node's replaceYear commits: the year's row with its time, and the year's days. */
    private void otherNodeStores(String updatedAt, LocalDate... holidays) {
        jdbc.sql("delete from calendar_day where day_date between ? and ?")
                .params(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)).update();
        jdbc.sql("delete from calendar_year where year_number = ?").param(YEAR).update();
        jdbc.sql("insert into calendar_year (year_number, source, updated_at, updated_by) values (?, ?, ?, ?)")
                .params(YEAR, "another node", OffsetDateTime.parse(updatedAt), "admin@140000").update();
        for (LocalDate d : holidays) {
            jdbc.sql("insert into calendar_day (day_date, kind, name) values (?, 'HOLIDAY', '测试假日')").param(d)
                    .update();
        }
    }

    @Test
    void aYearChangedOnAnotherNodeIsUsedAfterTheNextCheck() {
        try {
            calendar.reloadIfChangedElsewhere();
            assertThat(workingDaysOfThatWeek()).isEqualByComparingTo("5.00");

            // holding the service's monitor keeps its scheduled check (same monitor) from running in between
            synchronized (calendar) {
                otherNodeStores("2159-11-01T10:00:00+08:00", MONDAY);
                assertThat(workingDaysOfThatWeek()).as("not seen before the check").isEqualByComparingTo("5.00");
                assertThat(calendar.reloadIfChangedElsewhere()).isTrue();
            }
            assertThat(workingDaysOfThatWeek()).isEqualByComparingTo("4.00");
            assertThat(calendar.isWorkingDay(MONDAY)).isFalse();
            assertThat(calendar.coveredYears()).contains(YEAR);
            assertThat(calendar.reloadIfChangedElsewhere()).as("nothing changed since").isFalse();

            // the same year replaced again, with as many rows as before: its new time gives it away
            synchronized (calendar) {
                otherNodeStores("2159-11-02T10:00:00+08:00", MONDAY.plusDays(1));
                assertThat(calendar.reloadIfChangedElsewhere()).isTrue();
            }
            assertThat(calendar.isWorkingDay(MONDAY)).isTrue();
            assertThat(calendar.isWorkingDay(MONDAY.plusDays(1))).isFalse();
        } finally {
            jdbc.sql("delete from calendar_day where day_date between ? and ?")
                    .params(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31)).update();
            jdbc.sql("delete from calendar_year where year_number = ?").param(YEAR).update();
            calendar.reloadIfChangedElsewhere();
        }
        assertThat(calendar.coveredYears()).doesNotContain(YEAR);
        assertThat(workingDaysOfThatWeek()).isEqualByComparingTo("5.00");
    }

    @Test
    void aChangeMadeOnThisNodeIsNotReloadedAgain() {
        int year = YEAR + 1;
        try {
            calendar.reloadIfChangedElsewhere();
            calendar.replaceYear(year, List.of(new DayEntry(year + "-01-01", "holiday", "元旦")), null, "test");
            assertThat(calendar.isWorkingDay(LocalDate.of(year, 1, 1))).isFalse();
            assertThat(calendar.reloadIfChangedElsewhere()).isFalse();
        } finally {
            jdbc.sql("delete from calendar_day where day_date between ? and ?")
                    .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).update();
            jdbc.sql("delete from calendar_year where year_number = ?").param(year).update();
            calendar.reloadIfChangedElsewhere();
        }
    }
}
