package org.lianban.cases.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lianban.cases.flow.Fixture.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lianban.cases.CaseAction;
import org.lianban.cases.CaseEvent;
import org.lianban.cases.CaseStatus;

/** The rules behind the table: parameters, the law's time rules, joint reviews, returns, working days. */
class FlowEngineRulesTest {

    static void refused(Runnable r, Refusal.Kind kind, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (field != null) {
                assertThat(e.field()).isEqualTo(field);
            }
        });
    }

    @Test
    void submittingListsEveryMissingRequiredMaterial() {
        assertThatThrownBy(() -> ENGINE.submit(CTX, FlowState.draft(), OWNER, Set.of("OPT"), Set.of(),
                t("2024-03-04T09:00"))).isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_ALLOWED);
                    assertThat(e.items()).containsExactly("APP", "MAP");
                });
    }

    @Test
    void onlyTheOwnerSubmits() {
        refused(() -> ENGINE.submit(CTX, FlowState.draft(), OTHER_APPLICANT, ALL, Set.of(), t("2024-03-04T09:00")),
                Refusal.Kind.FORBIDDEN, null);
    }

    @Test
    void submissionStartsTheAcceptanceTaskAtTheFilingCounty() {
        Transition tr = ENGINE.submit(CTX, FlowState.draft(), OWNER, ALL, Set.of(), t("2024-03-04T09:00"));
        assertThat(tr.after().status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(tr.openTasks()).singleElement().satisfies(task -> {
            assertThat(task.regionCode()).isEqualTo("140105");
            assertThat(task.stepCode()).isEqualTo("ACCEPT");
            assertThat(task.dueAt()).isEqualTo(t("2024-03-07T00:00"));
        });
        assertThat(tr.events()).containsExactly(new CaseEvent.CaseSubmitted(CTX.caseNumber(), t("2024-03-04T09:00"), false));
    }

    @Test
    void refusalAndDenialNeedAReason() {
        refused(() -> ENGINE.act(CTX, state("SUBMITTED"), COUNTY_CLERK, Command.of(CaseAction.REFUSE, " "),
                t("2024-03-04T10:00")), Refusal.Kind.BAD_REQUEST, "opinion");
        refused(() -> ENGINE.act(CTX, state("IN_PROGRESS@DECIDE"), PROVINCE_APPROVER, Command.of(CaseAction.DENY),
                t("2024-03-05T10:00")), Refusal.Kind.BAD_REQUEST, "opinion");
    }

    @Test
    void aSupplementRequestListsKnownMaterialsOnce() {
        FlowState s = state("SUBMITTED");
        refused(() -> ENGINE.act(CTX, s, COUNTY_CLERK, Command.of(CaseAction.REQUEST_SUPPLEMENT),
                t("2024-03-04T10:00")), Refusal.Kind.BAD_REQUEST, "missing");
        refused(() -> ENGINE.act(CTX, s, COUNTY_CLERK,
                new Command(CaseAction.REQUEST_SUPPLEMENT, null, List.of("MAP", "NOPE"), null, null, null),
                t("2024-03-04T10:00")), Refusal.Kind.BAD_REQUEST, "missing");
        refused(() -> ENGINE.act(CTX, s, COUNTY_CLERK,
                new Command(CaseAction.REQUEST_SUPPLEMENT, null, List.of("MAP", "MAP"), null, null, null),
                t("2024-03-04T10:00")), Refusal.Kind.BAD_REQUEST, "missing");
    }

    /** The notice, the SMS and the case page all print the date carried by the event, so they cannot disagree. */
    @Test
    void aSupplementRequestTellsTheApplicantToRespondWithinTwentyWorkingDays() {
        Transition tr = ENGINE.act(CTX, state("SUBMITTED"), COUNTY_CLERK,
                new Command(CaseAction.REQUEST_SUPPLEMENT, null, List.of("MAP"), null, null, null),
                t("2024-03-04T10:00"));
        // weekends-only test calendar: 20 working days after Monday 2024-03-04 is Monday 2024-04-01
        assertThat(tr.events()).singleElement().isInstanceOfSatisfying(CaseEvent.SupplementRequested.class,
                e -> assertThat(e.respondBy()).isEqualTo(LocalDate.of(2024, 4, 1)));
    }

    @Test
    void aSecondSupplementRequestBeforeResubmissionIsRefusedAndResubmissionNeedsNewVersions() {
        FlowState asked = state("SUPPLEMENT_REQUESTED");
        assertThat(asked.missing()).containsExactly("MAP");
        refused(() -> ENGINE.act(CTX, asked, COUNTY_CLERK, valid(CaseAction.REQUEST_SUPPLEMENT),
                t("2024-03-04T11:00")), Refusal.Kind.NOT_ALLOWED, null);
        refused(() -> ENGINE.submit(CTX, asked, OWNER, ALL, Set.of("APP"), t("2024-03-06T09:00")),
                Refusal.Kind.NOT_ALLOWED, "materials");
        Transition again = ENGINE.submit(CTX, asked, OWNER, ALL, Set.of("MAP"), t("2024-03-06T09:00"));
        assertThat(again.after().status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(again.after().submittedAt()).isEqualTo(t("2024-03-06T09:00"));
        assertThat(again.after().missing()).isEmpty();
        assertThat(again.pause()).isEqualTo(new Transition.PauseChange("SUPPLEMENT", null, false));
        assertThat(again.events()).containsExactly(new CaseEvent.CaseSubmitted(CTX.caseNumber(), t("2024-03-06T09:00"), true));
        // a new receipt: another (single) request is possible again
        assertThat(ENGINE.act(CTX, again.after(), COUNTY_CLERK, valid(CaseAction.REQUEST_SUPPLEMENT),
                t("2024-03-06T10:00")).after().supplementRounds()).isEqualTo(2);
    }

    @Test
    void silenceForFiveWorkingDaysCountsAsAcceptanceFromReceipt() {
        FlowState s = submitted(t("2024-03-04T09:00"));
        assertThat(ENGINE.acceptanceBySilenceDue(CTX, s, t("2024-03-11T23:59"))).isFalse();
        assertThat(ENGINE.acceptanceBySilenceDue(CTX, s, t("2024-03-12T00:00"))).isTrue();
        refused(() -> ENGINE.acceptBySilence(CTX, s, t("2024-03-11T12:00")), Refusal.Kind.NOT_ALLOWED, null);
        Transition tr = ENGINE.acceptBySilence(CTX, s, t("2024-03-12T01:00"));
        assertThat(tr.after().acceptedAt()).isEqualTo(t("2024-03-04T09:00"));
        assertThat(tr.after().dueDate()).isEqualTo(LocalDate.of(2024, 3, 25));
        assertThat(tr.audit().action()).isEqualTo("ACCEPT_BY_SILENCE");
        assertThat(tr.ended()).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("system"));
        // too late for a supplement notice or a refusal; a late acceptance dates back to the receipt
        refused(() -> ENGINE.act(CTX, s, COUNTY_CLERK, valid(CaseAction.REQUEST_SUPPLEMENT), t("2024-03-12T09:00")),
                Refusal.Kind.NOT_ALLOWED, null);
        refused(() -> ENGINE.act(CTX, s, COUNTY_CLERK, valid(CaseAction.REFUSE), t("2024-03-12T09:00")),
                Refusal.Kind.NOT_ALLOWED, null);
        assertThat(ENGINE.act(CTX, s, COUNTY_CLERK, valid(CaseAction.ACCEPT), t("2024-03-12T09:00")).after()
                .acceptedAt()).isEqualTo(t("2024-03-04T09:00"));
    }

    @Test
    void acceptanceStartsTheClockWithThePromisedDeadline() {
        Transition tr = ENGINE.act(CTX, submitted(t("2024-03-04T09:00")), COUNTY_CLERK, valid(CaseAction.ACCEPT),
                t("2024-03-04T10:00"));
        assertThat(tr.after().acceptedAt()).isEqualTo(t("2024-03-04T10:00"));
        assertThat(tr.after().dueDate()).isEqualTo(LocalDate.of(2024, 3, 25));
        assertThat(tr.events()).containsExactly(
                new CaseEvent.CaseAccepted(CTX.caseNumber(), t("2024-03-04T10:00"), LocalDate.of(2024, 3, 25)));
        assertThat(tr.ended()).singleElement()
                .satisfies(e -> assertThat(e.workingDays()).isEqualByComparingTo("0.04"));
        assertThat(tr.started()).singleElement().satisfies(st -> {
            assertThat(st.stepCode()).isEqualTo("COUNTY_REVIEW");
            assertThat(st.regionCode()).isEqualTo("140105");
        });
    }

    @Test
    void aJointReviewCompletesOnlyWhenEveryPartyPassedAndNoPartyActsTwice() {
        FlowState joint = state("IN_PROGRESS@JOINT");
        assertThat(ENGINE.openTasks(CTX, joint)).extracting(Transition.Task::regionCode)
                .containsExactlyInAnyOrder("140100", "140105");
        Transition first = ENGINE.act(CTX, joint, CITY_REVIEWER, valid(CaseAction.PASS), t("2024-03-05T10:00"));
        assertThat(first.after().stepCode()).isEqualTo("JOINT");
        assertThat(first.openTasks()).singleElement().satisfies(task -> assertThat(task.partyCode()).isEqualTo("COUNTY"));
        assertThat(first.events()).containsExactly(new CaseEvent.StepPassed(CTX.caseNumber(), t("2024-03-05T10:00"),
                "JOINT", "reviewer@140100", null));
        refused(() -> ENGINE.act(CTX, first.after(), CITY_REVIEWER, valid(CaseAction.PASS), t("2024-03-05T11:00")),
                Refusal.Kind.NOT_ALLOWED, null);
        Transition second = ENGINE.act(CTX, first.after(), COUNTY_REVIEWER, valid(CaseAction.PASS),
                t("2024-03-05T11:00"));
        assertThat(second.after().stepCode()).isEqualTo("PROVINCE_REVIEW");
        assertThat(second.openTasks()).singleElement().satisfies(task -> assertThat(task.regionCode()).isEqualTo("140000"));
    }

    @Test
    void aJointReviewPartyReturningCancelsThePendingParties() {
        Transition tr = ENGINE.act(CTX, state("IN_PROGRESS@JOINT"), CITY_REVIEWER,
                new Command(CaseAction.RETURN, "材料不全", null, null, "COUNTY_REVIEW", null), t("2024-03-05T10:00"));
        assertThat(tr.ended()).extracting(Transition.StepEnd::partyCode, Transition.StepEnd::outcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CITY", "RETURN"),
                        org.assertj.core.groups.Tuple.tuple("COUNTY", "CANCELLED"));
        assertThat(tr.after().status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(tr.after().stepCode()).isEqualTo("COUNTY_REVIEW");
        assertThat(tr.after().partiesPassed()).isEmpty();
    }

    @Test
    void aCaseReturnsOnlyToAnEarlierStepWithAReason() {
        FlowState s = state("IN_PROGRESS@DECIDE");
        refused(() -> ENGINE.act(CTX, s, PROVINCE_APPROVER,
                new Command(CaseAction.RETURN, "理由", null, null, "ISSUE", null), t("2024-03-05T10:00")),
                Refusal.Kind.BAD_REQUEST, "returnTo");
        refused(() -> ENGINE.act(CTX, s, PROVINCE_APPROVER,
                new Command(CaseAction.RETURN, "理由", null, null, "DECIDE", null), t("2024-03-05T10:00")),
                Refusal.Kind.BAD_REQUEST, "returnTo");
        refused(() -> ENGINE.act(CTX, s, PROVINCE_APPROVER,
                new Command(CaseAction.RETURN, "理由", null, null, null, null), t("2024-03-05T10:00")),
                Refusal.Kind.BAD_REQUEST, "returnTo");
        refused(() -> ENGINE.act(CTX, s, PROVINCE_APPROVER,
                new Command(CaseAction.RETURN, null, null, null, "COUNTY_REVIEW", null), t("2024-03-05T10:00")),
                Refusal.Kind.BAD_REQUEST, "opinion");
        Transition back = ENGINE.act(CTX, s, PROVINCE_APPROVER,
                new Command(CaseAction.RETURN, "县级补充意见", null, null, "COUNTY_REVIEW", null), t("2024-03-05T10:00"));
        assertThat(back.after().status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(back.openTasks()).singleElement().satisfies(task -> assertThat(task.regionCode()).isEqualTo("140105"));
        assertThat(back.events()).containsExactly(new CaseEvent.CaseReturned(CTX.caseNumber(), t("2024-03-05T10:00"),
                "DECIDE", "COUNTY_REVIEW", "县级补充意见"));
    }

    @Test
    void returnedToTheWindowTheCaseStaysAcceptedAndCanBeAskedForSupplements() {
        FlowState back = act(state("IN_PROGRESS@DECIDE"), PROVINCE_APPROVER, valid(CaseAction.RETURN),
                t("2024-03-05T10:00"));
        assertThat(back.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(back.acceptedAt()).isEqualTo(t("2024-03-04T10:00"));
        refused(() -> ENGINE.act(CTX, back, COUNTY_CLERK, valid(CaseAction.REFUSE), t("2024-03-05T11:00")),
                Refusal.Kind.NOT_ALLOWED, null);
        FlowState asked = act(back, COUNTY_CLERK, valid(CaseAction.REQUEST_SUPPLEMENT), t("2024-03-05T11:00"));
        // two working days waiting for the applicant are not counted: the due date moves by two
        FlowState resubmitted = ENGINE.submit(CTX, asked, OWNER, ALL, Set.of("MAP"), t("2024-03-07T11:00")).after();
        assertThat(resubmitted.pausedDays()).isEqualByComparingTo("2.00");
        assertThat(resubmitted.dueDate()).isEqualTo(LocalDate.of(2024, 3, 27));
        FlowState reaccepted = act(resubmitted, COUNTY_CLERK, valid(CaseAction.ACCEPT), t("2024-03-07T12:00"));
        assertThat(reaccepted.acceptedAt()).isEqualTo(t("2024-03-04T10:00"));
        assertThat(reaccepted.stepCode()).isEqualTo("COUNTY_REVIEW");
    }

    @Test
    void suspensionForExpertReviewDoesNotCount() {
        FlowState s = act(submitted(t("2024-03-04T09:00")), COUNTY_CLERK, valid(CaseAction.ACCEPT),
                t("2024-03-04T10:00"));
        refused(() -> ENGINE.act(CTX, s, COUNTY_REVIEWER, new Command(CaseAction.SUSPEND, null, null, null, null, null),
                t("2024-03-05T10:00")), Refusal.Kind.BAD_REQUEST, "procedure");
        refused(() -> ENGINE.act(CTX, s, COUNTY_REVIEWER,
                new Command(CaseAction.SUSPEND, null, null, "COFFEE_BREAK", null, null), t("2024-03-05T10:00")),
                Refusal.Kind.BAD_REQUEST, "procedure");
        FlowState suspended = act(s, COUNTY_REVIEWER, valid(CaseAction.SUSPEND), t("2024-03-05T10:00"));
        assertThat(suspended.procedure()).isEqualTo("EXPERT_REVIEW");
        assertThat(ENGINE.workingDaysUsed(CTX, suspended, t("2024-03-07T10:00"))).isEqualByComparingTo("1.00");
        Transition resumed = ENGINE.act(CTX, suspended, COUNTY_REVIEWER, Command.of(CaseAction.RESUME),
                t("2024-03-07T10:00"));
        assertThat(resumed.after().stepPausedDays()).isEqualByComparingTo("2.00");
        assertThat(resumed.after().dueDate()).isEqualTo(LocalDate.of(2024, 3, 27));
        assertThat(resumed.openTasks()).singleElement()
                .satisfies(task -> assertThat(task.dueAt()).isEqualTo(t("2024-03-12T00:00")));
        Transition passed = ENGINE.act(CTX, resumed.after(), COUNTY_REVIEWER, valid(CaseAction.PASS),
                t("2024-03-08T10:00"));
        // 4.00 working days from start to pass, 2.00 of them suspended
        assertThat(passed.ended()).singleElement()
                .satisfies(e -> assertThat(e.workingDays()).isEqualByComparingTo("2.00"));
        assertThat(ENGINE.workingDaysUsed(CTX, passed.after(), t("2024-03-08T10:00"))).isEqualByComparingTo("2.00");
    }

    @Test
    void theApproverExtendsOnceByOneToTenWorkingDaysWithAReason() {
        FlowState s = state("IN_PROGRESS@COUNTY_REVIEW");
        for (Integer days : new Integer[] {null, 0, 11}) {
            refused(() -> ENGINE.act(CTX, s, PROVINCE_APPROVER,
                    new Command(CaseAction.EXTEND, "理由", null, null, null, days), t("2024-03-05T10:00")),
                    Refusal.Kind.BAD_REQUEST, "days");
        }
        refused(() -> ENGINE.act(CTX, s, PROVINCE_APPROVER, new Command(CaseAction.EXTEND, null, null, null, null, 5),
                t("2024-03-05T10:00")), Refusal.Kind.BAD_REQUEST, "opinion");
        Transition tr = ENGINE.act(CTX, s, PROVINCE_APPROVER,
                new Command(CaseAction.EXTEND, "情况复杂", null, null, null, 10), t("2024-03-05T10:00"));
        assertThat(tr.after().dueDate()).isEqualTo(LocalDate.of(2024, 4, 8));
        assertThat(tr.events()).containsExactly(new CaseEvent.DeadlineExtended(CTX.caseNumber(), t("2024-03-05T10:00"),
                10, "情况复杂", LocalDate.of(2024, 4, 8)));
        refused(() -> ENGINE.act(CTX, tr.after(), PROVINCE_APPROVER, valid(CaseAction.EXTEND), t("2024-03-06T10:00")),
                Refusal.Kind.NOT_ALLOWED, null);
        refused(() -> ENGINE.act(CTX, s, CITY_APPROVER, valid(CaseAction.EXTEND), t("2024-03-06T10:00")),
                Refusal.Kind.FORBIDDEN, null);
    }

    @Test
    void workingDaysSkipHolidaysAndAreFinalWhenIssued() {
        FlowState s = act(submitted(t("2024-09-30T08:00")), COUNTY_CLERK, valid(CaseAction.ACCEPT),
                t("2024-09-30T09:00"));
        // 15 promised working days from 30 Sep: 1-7 Oct are off in this calendar
        assertThat(s.dueDate()).isEqualTo(LocalDate.of(2024, 10, 28));
        Transition passed = ENGINE.act(CTX, s, COUNTY_REVIEWER, valid(CaseAction.PASS), t("2024-10-08T09:00"));
        assertThat(passed.ended().getFirst().workingDays()).isEqualByComparingTo("1.00");
        FlowState f = passed.after();
        f = act(f, CITY_REVIEWER, CaseAction.PASS, t("2024-10-08T21:00"));
        f = act(f, COUNTY_REVIEWER, CaseAction.PASS, t("2024-10-09T09:00"));
        f = act(f, PROVINCE_REVIEWER, CaseAction.PASS, t("2024-10-09T12:00"));
        f = act(f, PROVINCE_APPROVER, CaseAction.APPROVE, t("2024-10-09T15:00"));
        Transition issued = ENGINE.act(CTX, f, COUNTY_CLERK, valid(CaseAction.ISSUE), t("2024-10-10T09:00"));
        assertThat(issued.after().workingDays()).isEqualByComparingTo(new BigDecimal("3.00"));
        assertThat(issued.after().finishedAt()).isEqualTo(t("2024-10-10T09:00"));
        assertThat(issued.openTasks()).isEmpty();
        assertThat(ENGINE.workingDaysUsed(CTX, issued.after(), t("2024-12-01T00:00"))).isEqualByComparingTo("3.00");
    }

    @Test
    void withdrawingWhileSuspendedClosesThePauseAndTheOpenStep() {
        FlowState suspended = state("SUSPENDED");
        Transition tr = ENGINE.act(CTX, suspended, OWNER, Command.of(CaseAction.WITHDRAW), t("2024-03-06T11:00"));
        assertThat(tr.after().status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(tr.pause()).isEqualTo(new Transition.PauseChange("SUSPEND", "EXPERT_REVIEW", false));
        assertThat(tr.ended()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("WITHDRAWN");
            assertThat(e.workingDays()).isEqualByComparingTo("0.04");
        });
        assertThat(tr.after().workingDays()).isEqualByComparingTo("0.04");
        assertThat(tr.openTasks()).isEmpty();
    }
}
