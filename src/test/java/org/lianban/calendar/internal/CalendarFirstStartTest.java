package org.lianban.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.lianban.ScratchDatabase;
import org.lianban.ScratchDatabase.Kind;
import org.lianban.common.ClockConfig;

/** Loading the shipped holiday file into an empty database: once, also when two nodes start together. */
class CalendarFirstStartTest {

    private static CalendarService start(ScratchDatabase db) {
        return new CalendarService(db.jdbc(), db.tx(), Clock.system(ClockConfig.CHINA), db.tableLock());
    }

    private static void secondLoadIsANoOp(Kind kind) {
        try (ScratchDatabase db = ScratchDatabase.of(kind)) {
            CalendarService first = start(db);
            long years = db.count("calendar_year");
            long days = db.count("calendar_day");
            assertThat(years).isGreaterThanOrEqualTo(7);
            assertThat(first.coveredYears()).hasSize((int) years);

            assertThat(first.loadShippedFileIfEmpty()).isFalse();
            CalendarService second = start(db);
            assertThat(second.coveredYears()).isEqualTo(first.coveredYears());
            assertThat(db.count("calendar_year")).isEqualTo(years);
            assertThat(db.count("calendar_day")).isEqualTo(days);
        }
    }

    @Test
    void aSecondLoadOnFilledTablesChangesNothingOnH2() {
        secondLoadIsANoOp(Kind.H2);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+")
    void aSecondLoadOnFilledTablesChangesNothingOnPostgreSQL() {
        secondLoadIsANoOp(Kind.POSTGRESQL);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+")
    void twoNodesStartingTogetherLoadTheCalendarOnce() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.of(Kind.POSTGRESQL)) {
            CalendarService second = db.raceTwoNodes("calendar_year", () -> start(db), () -> start(db));
            long years = db.count("calendar_year");
            assertThat(years).isGreaterThanOrEqualTo(7);
            assertThat(second.coveredYears()).hasSize((int) years);
            try (ScratchDatabase reference = ScratchDatabase.of(Kind.H2)) {
                start(reference);
                assertThat(db.count("calendar_day")).isEqualTo(reference.count("calendar_day"));
            }
        }
    }
}
