package org.lianban.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Domain events of a case, published through Spring Modulith's JDBC event publication registry in the transaction of
 * the transition, so documents, SMS and statistics never miss one. Kept small (the registry stores them serialized);
 * listeners read details through {@link Cases}.
 */
public sealed interface CaseEvent {

    String caseNumber();

    Instant at();

    record CaseSubmitted(String caseNumber, Instant at, boolean resubmission) implements CaseEvent {}

    /** 受理 */
    record CaseAccepted(String caseNumber, Instant at, LocalDate dueDate) implements CaseEvent {}

    /** 补正: every missing item at once, and the date the applicant should respond by. */
    record SupplementRequested(String caseNumber, Instant at, List<String> missingMaterialCodes, String opinion,
            LocalDate respondBy) implements CaseEvent {}

    /** 不予受理, with the reason. */
    record CaseRefused(String caseNumber, Instant at, String reason) implements CaseEvent {}

    /** A step (or one party of a joint review) passed; {@code nextStepCode} is null while a joint review waits. */
    record StepPassed(String caseNumber, Instant at, String stepCode, String actor, String nextStepCode)
            implements CaseEvent {}

    /** 退回 to an earlier step. */
    record CaseReturned(String caseNumber, Instant at, String fromStepCode, String toStepCode, String reason)
            implements CaseEvent {}

    record CaseSuspended(String caseNumber, Instant at, String procedure) implements CaseEvent {}

    record CaseResumed(String caseNumber, Instant at) implements CaseEvent {}

    /** 延期 (《行政许可法》第42条): once, by the approver, with the reason told to the applicant. */
    record DeadlineExtended(String caseNumber, Instant at, int days, String reason, LocalDate newDueDate)
            implements CaseEvent {}

    /** 准予 / 不予行政许可 */
    record CaseDecided(String caseNumber, Instant at, boolean approved, String reason) implements CaseEvent {}

    /** Certificate or decision handed to the applicant; the case is done. */
    record CaseIssued(String caseNumber, Instant at) implements CaseEvent {}

    record CaseWithdrawn(String caseNumber, Instant at) implements CaseEvent {}
}
