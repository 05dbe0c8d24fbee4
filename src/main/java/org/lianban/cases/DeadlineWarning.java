package org.lianban.cases;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An open, accepted case in yellow or red (for supervision, reminders and statistics). */
public record DeadlineWarning(String number, String matterCode, String regionCode, CaseStatus status,
        String currentStepCode, LocalDate dueDate, BigDecimal workingDaysUsed, int limitDays, Warning warning) {}
