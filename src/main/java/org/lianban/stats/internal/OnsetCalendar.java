package org.lianban.stats.internal;

import java.util.stream.Collectors;

import org.lianban.calendar.CalendarAdmin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored deadline onsets true to the working-day calendar: a running case turns yellow when 80 % of its
 * working days are used, so a replaced year (new holidays or adjusted workdays) can move that moment. When the
 * calendar differs from the one recorded in {@code stats_onset_calendar}, every open fact's onset is marked unknown;
 * the summary then works them out again by the case module's rule, with the calendar as it is now.
 */
@Component
class OnsetCalendar {

    private final CalendarAdmin calendar;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    OnsetCalendar(CalendarAdmin calendar, JdbcClient jdbc, TransactionTemplate tx) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Marks the open facts' onsets unknown if the calendar changed since they were worked out. */
    void check() {
        String now = calendar.years().stream()
                .map(y -> y.year() + "@" + y.updatedAt() + "/" + y.holidays() + "/" + y.workdays())
                .collect(Collectors.joining(","));
        String recorded = jdbc.sql("select calendar from stats_onset_calendar where id = 1").query(String.class)
                .optional().orElse(null);
        if (now.equals(recorded)) {
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("update stats_case set onset_known = false where finished = false and onset_known = true")
                    .update();
            if (jdbc.sql("update stats_onset_calendar set calendar = ? where id = 1").param(now).update() == 0) {
                jdbc.sql("insert into stats_onset_calendar (id, calendar) values (1, ?)").param(now).update();
            }
        });
    }
}
