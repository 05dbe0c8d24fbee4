package org.lianban.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * China's working-day calendar: statutory holidays and adjusted working weekends (调休), Asia/Shanghai.
 * 《行政许可法》第82条: time limits count working days only.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate date);

    /** The date of the end of the {@code days}-th working day after {@code start}; {@code start} itself is not counted. */
    LocalDate deadline(LocalDate start, int days);

    /** The instant the deadline ends: midnight (Asia/Shanghai) after {@link #deadline(LocalDate, int)} of the start's date. */
    Instant dueAt(Instant start, int days);

    /** Time between two instants that falls on working days, in days (24 h of a working day = 1.00), 2 decimals. */
    BigDecimal workingDays(Instant from, Instant to);

    /**
     * Years for which holiday data is present. Arithmetic reaching into another year counts its weekends only, and
     * that gap is reported (startup warning, health details) until an administrator adds the year.
     */
    Set<Integer> coveredYears();
}
