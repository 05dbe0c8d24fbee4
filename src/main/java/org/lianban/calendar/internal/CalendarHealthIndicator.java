package org.lianban.calendar.internal;

import org.lianban.calendar.CalendarAdmin;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code calendar}: which years have holiday data and which of this and next year do not. A
 * missing year is a warning, not an outage (arithmetic falls back to weekends), so the status stays UP.
 */
@Component
class CalendarHealthIndicator implements HealthIndicator {

    private final CalendarAdmin calendar;

    CalendarHealthIndicator(CalendarAdmin calendar) {
        this.calendar = calendar;
    }

    @Override
    public Health health() {
        CalendarAdmin.Coverage c = calendar.coverage();
        Health.Builder h = Health.up()
                .withDetail("coveredYears", c.coveredYears())
                .withDetail("missingYears", c.missingYears());
        if (c.warning() != null) {
            h.withDetail("warning", c.warning());
        }
        return h.build();
    }
}
