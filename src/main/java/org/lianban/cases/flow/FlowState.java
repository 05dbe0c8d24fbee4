package org.lianban.cases.flow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.lianban.cases.CaseStatus;

/**
 * The part of a case the flow rules look at and change.
 *
 * @param stepCode current step (null in DRAFT and after the flow ended)
 * @param partiesPassed party codes that already passed the current joint review (并联会审)
 * @param submittedAt the latest receipt of the materials (Art. 32 counts from here)
 * @param acceptedAt acceptance (受理): the case clock starts; null until accepted
 * @param stepStartedAt when the current step started
 * @param stepPausedDays working days the current step spent suspended
 * @param pausedSince start of the running pause (supplement or special procedure), else null
 * @param pausedDays working days paused after acceptance (closed pauses), not counted against the case
 * @param extensionDays Art. 42 extension granted (0 = none yet; at most once)
 * @param dueDate the case's deadline: promised days + extension + whole paused days after acceptance
 * @param procedure the special procedure while SUSPENDED (Art. 45)
 * @param missing material codes asked for in the running supplement request (补正)
 * @param supplementRounds how many supplement requests were made
 * @param stepSeq number of timeline rows written so far
 * @param workingDays working days used, final once the case is finished
 */
public record FlowState(CaseStatus status, String stepCode, Set<String> partiesPassed, Instant submittedAt,
        Instant acceptedAt, Instant stepStartedAt, BigDecimal stepPausedDays, Instant pausedSince,
        BigDecimal pausedDays, int extensionDays, LocalDate dueDate, Instant dueAt, String procedure,
        List<String> missing, int supplementRounds, Instant decidedAt, Instant finishedAt, int stepSeq,
        BigDecimal workingDays) {

    public FlowState {
        partiesPassed = partiesPassed == null ? Set.of() : Set.copyOf(partiesPassed);
        missing = missing == null ? List.of() : List.copyOf(missing);
        stepPausedDays = stepPausedDays == null ? BigDecimal.ZERO.setScale(2) : stepPausedDays;
        pausedDays = pausedDays == null ? BigDecimal.ZERO.setScale(2) : pausedDays;
    }

    /** A fresh application (DRAFT). */
    public static FlowState draft() {
        return new FlowState(CaseStatus.DRAFT, null, Set.of(), null, null, null, null, null, null, 0, null, null,
                null, List.of(), 0, null, null, 0, null);
    }
}
