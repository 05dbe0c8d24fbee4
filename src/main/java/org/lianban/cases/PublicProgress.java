package org.lianban.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /public/progress}: where a case is and how long each step took; nothing personal. */
public record PublicProgress(String number, String matterName, CaseStatus status, String currentStepName,
        String currentStepLevel, Instant acceptedAt, LocalDate dueDate, BigDecimal workingDaysUsed,
        List<StepTime> steps) {

    public record StepTime(String stepName, String level, Instant startedAt, Instant finishedAt, String outcome,
            BigDecimal workingDays) {}
}
