package org.lianban.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianban.calendar.CalendarAdmin.Day;
import org.lianban.calendar.CalendarAdmin.DayEntry;
import org.lianban.calendar.CalendarAdmin.Kind;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;

class DayRowsTest {

    @Test
    void lowerAndUpperCaseKindsAreAcceptedAndRowsComeBackByDate() {
        List<Day> days = DayRows.validate(2027, List.of(
                new DayEntry("2027-02-07", "workday", "春节"),       // Sun
                new DayEntry("2027-01-01", "HOLIDAY", " 元旦 ")));
        assertThat(days).containsExactly(
                new Day(LocalDate.parse("2027-01-01"), Kind.HOLIDAY, "元旦"),
                new Day(LocalDate.parse("2027-02-07"), Kind.WORKDAY, "春节"));
    }

    @Test
    void everyBadRowIsListedAtOnce() {
        List<DayEntry> rows = List.of(
                new DayEntry("2027-13-01", "holiday", "元旦"),   // 1: no such month
                new DayEntry("2026-10-01", "holiday", "国庆节"), // 2: other year
                new DayEntry("2027-05-03", "day off", "劳动节"), // 3: bad kind
                new DayEntry("2027-05-05", "workday", "劳动节"), // 4: Wednesday workday
                new DayEntry("2027-05-01", "holiday", " "),      // 5: no name
                new DayEntry("2027-05-01", "holiday", "劳动节"), // 6: duplicate of row 5
                new DayEntry(null, null, null));                 // 7: everything missing
        assertThatThrownBy(() -> DayRows.validate(2027, rows))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field)
                        .containsExactly("row 1: date", "row 2: date", "row 3: kind", "row 4: kind", "row 5: name",
                                "row 6: date", "row 7: date", "row 7: kind", "row 7: name"));
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatThrownBy(() -> DayRows.validate(2027, List.of())).isInstanceOf(ApiException.class);
    }

    @Test
    void csvNeedsTheHeaderAndThreeColumnsPerRow() {
        assertThat(DayRows.readCsv("\uFEFFdate,kind,name\n2027-01-01,holiday,元旦\n\n2027-02-07,workday,\"春节, 调休\"\n"))
                .containsExactly(new DayEntry("2027-01-01", "holiday", "元旦"),
                        new DayEntry("2027-02-07", "workday", "春节, 调休"));
        assertThatThrownBy(() -> DayRows.readCsv("2027-01-01,holiday,元旦\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field).containsExactly("header"));
        assertThatThrownBy(() -> DayRows.readCsv("date,kind,name\n2027-01-01,holiday\n2027-01-02,holiday,元旦,x\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field).containsExactly("row 1", "row 2"));
    }
}
