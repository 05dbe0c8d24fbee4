package org.lianban.calendar.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.lianban.calendar.CalendarAdmin.Coverage;
import org.lianban.calendar.CalendarAdmin.Day;
import org.lianban.calendar.CalendarAdmin.Kind;
import org.lianban.calendar.WorkingCalendar;
import org.lianban.common.ClockConfig;

/**
 * An immutable snapshot of the calendar with all the arithmetic. Per covered year a table of 366 flags says which
 * days are working days, so every question is an array access; years without data use Monday–Friday.
 */
final class CalendarData implements WorkingCalendar {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final BigDecimal MILLIS_PER_DAY_DECIMAL = BigDecimal.valueOf(MILLIS_PER_DAY);

    private final int firstYear;
    /** Indexed by year - firstYear, then day-of-year - 1; null for a year without data. */
    private final boolean[][] working;
    private final Set<Integer> covered;

    /** @param daysByYear the listed days of every covered year (a covered year may list no day at all) */
    public CalendarData(Map<Integer, ? extends Collection<Day>> daysByYear) {
        this.covered = Collections.unmodifiableSet(new TreeSet<>(daysByYear.keySet()));
        if (covered.isEmpty()) {
            this.firstYear = 0;
            this.working = new boolean[0][];
            return;
        }
        this.firstYear = Collections.min(covered);
        this.working = new boolean[Collections.max(covered) - firstYear + 1][];
        daysByYear.forEach((year, days) -> {
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            boolean[] flags = new boolean[jan1.lengthOfYear()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = isWeekday(jan1.plusDays(i));
            }
            for (Day d : days) {
                flags[d.date().getDayOfYear() - 1] = d.kind() == Kind.WORKDAY;
            }
            working[year - firstYear] = flags;
        });
    }

    private static boolean isWeekday(LocalDate date) {
        DayOfWeek w = date.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        int i = date.getYear() - firstYear;
        if (i >= 0 && i < working.length && working[i] != null) {
            return working[i][date.getDayOfYear() - 1];
        }
        return isWeekday(date);
    }

    @Override
    public LocalDate deadline(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be 0 or more, was " + days);
        }
        LocalDate d = start;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    @Override
    public Instant dueAt(Instant start, int days) {
        LocalDate startDate = LocalDate.ofInstant(start, ClockConfig.CHINA);
        return deadline(startDate, days).plusDays(1).atStartOfDay(ClockConfig.CHINA).toInstant();
    }

    /**
     * The first and the last day count their overlap with [from, to) exactly; the days in between count 24 h each
     * (Asia/Shanghai has no daylight-saving time since 1991, so each of its days is 86 400 s long).
     */
    @Override
    public BigDecimal workingDays(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        LocalDate first = LocalDate.ofInstant(from, ClockConfig.CHINA);
        LocalDate last = LocalDate.ofInstant(to, ClockConfig.CHINA);
        long millis;
        if (first.equals(last)) {
            millis = isWorkingDay(first) ? to.toEpochMilli() - from.toEpochMilli() : 0;
        } else {
            LocalDate second = first.plusDays(1);
            millis = isWorkingDay(first) ? startOf(second) - from.toEpochMilli() : 0;
            for (LocalDate d = second; d.isBefore(last); d = d.plusDays(1)) {
                if (isWorkingDay(d)) {
                    millis += MILLIS_PER_DAY;
                }
            }
            if (isWorkingDay(last)) {
                millis += to.toEpochMilli() - startOf(last);
            }
        }
        return BigDecimal.valueOf(millis).divide(MILLIS_PER_DAY_DECIMAL, 2, RoundingMode.HALF_UP);
    }

    private static long startOf(LocalDate date) {
        return date.atStartOfDay(ClockConfig.CHINA).toInstant().toEpochMilli();
    }

    @Override
    public Set<Integer> coveredYears() {
        return covered;
    }

    /** Covered years, and which of {@code thisYear} and the next have no data, with the warning to show for them. */
    public Coverage coverage(int thisYear) {
        List<Integer> missing = Stream.of(thisYear, thisYear + 1).filter(y -> !covered.contains(y)).toList();
        String warning = missing.isEmpty() ? null : "No holiday data for " + missing
                + ": deadlines and working days there count Monday to Friday only. An administrator should add "
                + "the State Council's holiday notice for " + (missing.size() == 1 ? "that year" : "those years")
                + " (PUT /api/v1/admin/calendar/years/{year} or the page /admin/calendar).";
        return new Coverage(List.copyOf(covered), missing, warning);
    }
}
