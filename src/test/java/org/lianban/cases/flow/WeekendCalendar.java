package org.lianban.cases.flow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.common.ClockConfig;

/** A small working calendar for engine tests: weekends and the given holidays are off. */
record WeekendCalendar(Set<LocalDate> holidays) implements WorkingCalendar {

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    @Override
    public LocalDate deadline(LocalDate start, int days) {
        LocalDate d = start;
        for (int n = 0; n < days; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return d;
    }

    @Override
    public Instant dueAt(Instant start, int days) {
        return deadline(LocalDate.ofInstant(start, ClockConfig.CHINA), days).plusDays(1)
                .atStartOfDay(ClockConfig.CHINA).toInstant();
    }

    @Override
    public BigDecimal workingDays(Instant from, Instant to) {
        long seconds = 0;
        LocalDate day = LocalDate.ofInstant(from, ClockConfig.CHINA);
        while (day.atStartOfDay(ClockConfig.CHINA).toInstant().isBefore(to)) {
            Instant start = day.atStartOfDay(ClockConfig.CHINA).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(ClockConfig.CHINA).toInstant();
            if (isWorkingDay(day)) {
                Instant a = from.isAfter(start) ? from : start;
                Instant b = to.isBefore(end) ? to : end;
                if (b.isAfter(a)) {
                    seconds += Duration.between(a, b).toSeconds();
                }
            }
            day = day.plusDays(1);
        }
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(86_400), 2, RoundingMode.HALF_UP);
    }

    @Override
    public Set<Integer> coveredYears() {
        return Set.of(2024);
    }
}
