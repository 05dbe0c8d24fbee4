package org.lianban.cases.flow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.lianban.cases.CaseEvent;
import org.lianban.cases.CaseStatus;
import org.lianban.common.Level;
import org.lianban.common.Role;

/**
 * What one transition produces; the service writes it in one transaction.
 *
 * @param ended timeline rows that finish now (identified by step and party code; party "" for a plain step)
 * @param started timeline rows that start now
 * @param openTasks every task open after the transition (the queue rows replace the previous ones)
 * @param tasksChanged false when the queue rows stay exactly as they were
 * @param pause a pause that starts or ends now, else null
 */
public record Transition(FlowState after, List<CaseEvent> events, List<StepEnd> ended, List<StepStart> started,
        List<Task> openTasks, boolean tasksChanged, AuditEntry audit, PauseChange pause) {

    /** A timeline row finishing. */
    public record StepEnd(String stepCode, String partyCode, String actor, String outcome, String opinion,
            BigDecimal workingDays) {}

    /** A timeline row starting. */
    public record StepStart(int seq, String stepCode, String stepName, Level level, String regionCode,
            String partyCode, Role role, Instant startedAt, int limitDays) {}

    /** An open task (待办): the step waits for an official of {@code regionCode} with {@code role}. */
    public record Task(String stepCode, String stepName, String partyCode, String regionCode, Role role,
            Instant since, Instant dueAt) {}

    /** The audit trail entry of the transition. */
    public record AuditEntry(String action, CaseStatus before, CaseStatus after, String detail) {}

    /** kind SUPPLEMENT or SUSPEND; {@code start} true when the pause begins. */
    public record PauseChange(String kind, String procedure, boolean start) {}
}
