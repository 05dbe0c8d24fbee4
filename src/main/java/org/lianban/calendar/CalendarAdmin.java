package org.lianban.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Maintenance of the working-day calendar by administrators: the State Council publishes each year's holidays and
 * adjusted working weekends (调休) in October–November of the year before, and an administrator then adds that year.
 */
public interface CalendarAdmin {

    /** How a listed date differs from the Monday–Friday rule. */
    enum Kind {
        /** 放假: a day off, even if it is a weekday. */
        HOLIDAY,
        /** 调休上班: an adjusted working Saturday or Sunday. */
        WORKDAY
    }

    /** One row as entered (CSV or JSON), not yet validated; {@code kind} is {@code holiday|workday} in any case. */
    record DayEntry(String date, String kind, String name) {}

    record Day(LocalDate date, Kind kind, String name) {}

    /** A covered year: where its data came from, who stored it, and how many rows it has. */
    record Year(int year, String source, Instant updatedAt, String updatedBy, int holidays, int workdays) {}

    /**
     * Covered years, and the years among the current and the next one (by the clock) that have no data: arithmetic
     * there counts weekends only, which {@code warning} says in words (null when nothing is missing).
     */
    record Coverage(List<Integer> coveredYears, List<Integer> missingYears, String warning) {}

    /**
     * Replaces all rows of {@code year} in one transaction and makes the calendar use them at once. Nothing is stored
     * when a row is bad: the 400 problem lists every bad row ({@code row 3: date}; rows count from 1).
     */
    Year replaceYear(int year, List<DayEntry> rows, String source, String actor);

    /** Rows of a {@code date,kind,name} CSV text (header required); 400 naming each row that is not 3 columns. */
    List<DayEntry> readCsv(String csv);

    List<Year> years();

    /** The listed days of a year, by date; empty for a year without data. */
    List<Day> days(int year);

    Coverage coverage();
}
