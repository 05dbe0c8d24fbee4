package org.lianban.cases.flow;

import static org.lianban.cases.CaseStatus.APPROVED;
import static org.lianban.cases.CaseStatus.DENIED;
import static org.lianban.cases.CaseStatus.DRAFT;
import static org.lianban.cases.CaseStatus.IN_PROGRESS;
import static org.lianban.cases.CaseStatus.ISSUED;
import static org.lianban.cases.CaseStatus.REFUSED;
import static org.lianban.cases.CaseStatus.SUBMITTED;
import static org.lianban.cases.CaseStatus.SUPPLEMENT_REQUESTED;
import static org.lianban.cases.CaseStatus.SUSPENDED;
import static org.lianban.cases.CaseStatus.WITHDRAWN;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.lianban.cases.CaseAction;
import org.lianban.cases.CaseEvent;
import org.lianban.cases.CaseStatus;
import org.lianban.catalog.Material;
import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.catalog.StepKind;
import org.lianban.common.ClockConfig;
import org.lianban.common.Role;

/**
 * The flow rules of a case (办件流转), plain Java: given a state, the matter's flow, an actor and an action, it refuses
 * (with the HTTP class the caller gets) or returns the transition to write. It never reads a clock: {@code now} is a
 * parameter, so tests and the history simulator drive it with any time.
 *
 * <p>Law followed (《行政许可法》): Art. 32 supplements once and all at once, acceptance by silence after 5 working
 * days; Art. 42 one extension by at most 10 working days; Art. 45 special procedures do not count; Art. 82 working days.
 *
 * <p>Order of checks: the state must allow the action (422), then the caller must handle the step (403), then the
 * parameters must be complete (400).
 */
public final class FlowEngine {

    /** Special procedures whose time is not counted (Art. 45). */
    public static final Set<String> PROCEDURES = Set.of("EXPERT_REVIEW", "HEARING", "PUBLIC_NOTICE", "INSPECTION",
            "TESTING", "QUARANTINE", "APPRAISAL", "TENDER", "AUCTION");
    /** Art. 42: one extension of at most 10 working days. */
    public static final int MAX_EXTENSION_DAYS = 10;
    /** Art. 32: without a supplement notice within 5 working days of receipt the case counts as accepted. */
    public static final int ACCEPTANCE_SILENCE_DAYS = 5;
    /**
     * Working days the applicant is given to hand in missing materials (补正期限). The law sets no figure; one value
     * here keeps the supplement notice, the SMS and the case page telling the applicant the same date.
     */
    public static final int SUPPLEMENT_RESPONSE_DAYS = 20;
    /** Art. 42 default when a matter states no limit. */
    static final int DEFAULT_LIMIT_DAYS = 20;

    private static final Set<CaseStatus> WITHDRAWABLE = EnumSet.of(DRAFT, SUBMITTED, SUPPLEMENT_REQUESTED,
            IN_PROGRESS, SUSPENDED);
    private static final Set<StepKind> REVIEWING = EnumSet.of(StepKind.REVIEW, StepKind.JOINT_REVIEW,
            StepKind.DECIDE);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    // ---------------------------------------------------------------------------------------------- queries

    /** The actions (of {@link CaseAction}) this actor may take now; parameters aside. */
    public List<CaseAction> allowedActions(FlowContext ctx, FlowState s, Actor actor, Instant now) {
        List<CaseAction> allowed = new ArrayList<>();
        for (CaseAction a : CaseAction.values()) {
            try {
                check(ctx, s, actor, a, now);
                allowed.add(a);
            } catch (Refusal r) {
                // not allowed for this caller now
            }
        }
        return allowed;
    }

    /** Every task open in this state: one per plain step, one per party of a joint review that has not passed. */
    public List<Transition.Task> openTasks(FlowContext ctx, FlowState s) {
        if (s.stepCode() == null || !EnumSet.of(SUBMITTED, IN_PROGRESS, SUSPENDED, APPROVED).contains(s.status())) {
            return List.of();
        }
        Step step = step(ctx, s.stepCode());
        Instant dueAt = ctx.calendar().dueAt(s.stepStartedAt(), step.limitDays() + wholeDays(s.stepPausedDays()));
        List<Transition.Task> tasks = new ArrayList<>();
        if (step.parties().isEmpty()) {
            tasks.add(new Transition.Task(step.code(), step.name(), "", ctx.handlingRegion(step), step.role(),
                    s.stepStartedAt(), dueAt));
        } else {
            for (Party p : step.parties()) {
                if (!s.partiesPassed().contains(p.code())) {
                    tasks.add(new Transition.Task(step.code(), partyStepName(step, p), p.code(),
                            ctx.handlingRegion(p), p.role(), s.stepStartedAt(), dueAt));
                }
            }
        }
        return tasks;
    }

    /** Working days counted against the case: from acceptance to the end (or now), pauses excluded. */
    public BigDecimal workingDaysUsed(FlowContext ctx, FlowState s, Instant now) {
        if (s.workingDays() != null) {
            return s.workingDays();
        }
        if (s.acceptedAt() == null) {
            return ZERO;
        }
        Instant end = s.finishedAt() != null ? s.finishedAt() : now;
        BigDecimal used = wd(ctx, s.acceptedAt(), end).subtract(s.pausedDays());
        if (s.pausedSince() != null) {
            used = used.subtract(wd(ctx, max(s.pausedSince(), s.acceptedAt()), end));
        }
        return used.max(ZERO);
    }

    /** True when Art. 32 makes the case count as accepted: received, no notice, 5 working days gone. */
    public boolean acceptanceBySilenceDue(FlowContext ctx, FlowState s, Instant now) {
        return s.status() == SUBMITTED && s.acceptedAt() == null && s.submittedAt() != null
                && step(ctx, s.stepCode()).kind() == StepKind.ACCEPT
                && !ctx.calendar().dueAt(s.submittedAt(), ACCEPTANCE_SILENCE_DAYS).isAfter(now);
    }

    // ---------------------------------------------------------------------------------------------- submit

    /**
     * The applicant submits a draft, or hands in the supplements asked for.
     *
     * @param uploaded material codes with at least one version
     * @param renewedSinceRequest material codes with a version uploaded after the running supplement request
     */
    public Transition submit(FlowContext ctx, FlowState s, Actor actor, Set<String> uploaded,
            Set<String> renewedSinceRequest, Instant now) {
        if (s.status() != DRAFT && s.status() != SUPPLEMENT_REQUESTED) {
            throw Refusal.notAllowed("Only a draft or a case waiting for supplements can be submitted; this case is "
                    + s.status() + ".");
        }
        if (!isOwner(ctx, actor)) {
            throw Refusal.forbidden("Only the applicant who filed the case can submit it.");
        }
        List<String> missingRequired = ctx.matter().materials().stream().filter(Material::required)
                .map(Material::code).filter(c -> !uploaded.contains(c)).toList();
        if (!missingRequired.isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_ALLOWED, "materials",
                    "Upload the required materials first: " + String.join(", ", missingRequired) + ".",
                    missingRequired);
        }
        boolean resubmission = s.status() == SUPPLEMENT_REQUESTED;
        if (resubmission) {
            List<String> notRenewed = s.missing().stream().filter(c -> !renewedSinceRequest.contains(c)).toList();
            if (!notRenewed.isEmpty()) {
                throw new Refusal(Refusal.Kind.NOT_ALLOWED, "materials",
                        "Upload a new version of every material asked for: " + String.join(", ", notRenewed) + ".",
                        notRenewed);
            }
        }
        Draft d = new Draft(s);
        Transition.PauseChange pause = null;
        if (resubmission) {
            endPause(ctx, d, now);
            pause = new Transition.PauseChange("SUPPLEMENT", null, false);
            d.missing = List.of();
        }
        d.status = SUBMITTED;
        d.submittedAt = now;
        List<Transition.StepStart> started = new ArrayList<>();
        startStep(ctx, d, acceptStep(ctx), now, started);
        return done(ctx, s, d, List.of(new CaseEvent.CaseSubmitted(ctx.caseNumber(), now, resubmission)),
                List.of(), started, true, "SUBMIT", resubmission ? "resubmission" : null, pause);
    }

    // ---------------------------------------------------------------------------------------------- actions

    /** Applies an action, or throws {@link Refusal}. */
    public Transition act(FlowContext ctx, FlowState s, Actor actor, Command c, Instant now) {
        check(ctx, s, actor, c.action(), now);
        return switch (c.action()) {
            case ACCEPT -> accept(ctx, s, actor, c.opinion(), now, false);
            case REFUSE -> refuse(ctx, s, actor, c, now);
            case REQUEST_SUPPLEMENT -> requestSupplement(ctx, s, actor, c, now);
            case PASS -> pass(ctx, s, actor, c, now);
            case RETURN -> giveBack(ctx, s, actor, c, now);
            case SUSPEND -> suspend(ctx, s, c, now);
            case RESUME -> resume(ctx, s, c, now);
            case EXTEND -> extend(ctx, s, c, now);
            case APPROVE, DENY -> decide(ctx, s, actor, c, now);
            case ISSUE -> issue(ctx, s, actor, c, now);
            case WITHDRAW -> withdraw(ctx, s, actor, c, now);
        };
    }

    /** Art. 32 acceptance by silence: accepted as of the receipt; the platform records it. */
    public Transition acceptBySilence(FlowContext ctx, FlowState s, Instant now) {
        if (!acceptanceBySilenceDue(ctx, s, now)) {
            throw Refusal.notAllowed("The case does not count as accepted by silence (Art. 32) yet.");
        }
        return accept(ctx, s, Actor.SYSTEM,
                "《行政许可法》第三十二条：逾期未告知补正，自收到申请材料之日起即为受理", now, true);
    }

    /** State and caller checks, without the parameters. */
    private void check(FlowContext ctx, FlowState s, Actor actor, CaseAction a, Instant now) {
        if (s.status().isFinal()) {
            throw Refusal.notAllowed("The case is " + s.status() + ": nothing more can be done with it.");
        }
        if (a == CaseAction.WITHDRAW) {
            if (!WITHDRAWABLE.contains(s.status())) {
                throw Refusal.notAllowed("A decided case can no longer be withdrawn.");
            }
            if (!isOwner(ctx, actor)) {
                throw Refusal.forbidden("Only the applicant who filed the case can withdraw it.");
            }
            return;
        }
        if (a == CaseAction.EXTEND) {
            if (s.status() != IN_PROGRESS && s.status() != SUSPENDED || s.acceptedAt() == null) {
                throw Refusal.notAllowed("Only an accepted case under review (or suspended) can be extended.");
            }
            if (actor.role() != Role.APPROVER || !ctx.decidingRegion().equals(actor.regionCode())) {
                throw Refusal.forbidden("Only the approver of the deciding authority (" + ctx.decidingRegion()
                        + ") can extend the deadline.");
            }
            if (s.extensionDays() > 0) {
                throw Refusal.notAllowed("The deadline was already extended once (Art. 42 allows one extension).");
            }
            return;
        }
        if (s.stepCode() == null) {
            throw Refusal.notAllowed(a + " is not possible while the case is " + s.status() + ".");
        }
        Step step = step(ctx, s.stepCode());
        switch (a) {
            case ACCEPT, REFUSE, REQUEST_SUPPLEMENT -> {
                requireState(s.status() == SUBMITTED && step.kind() == StepKind.ACCEPT, a,
                        "only a submitted case waiting at acceptance", s, step);
                requireHandler(ctx, s, step, actor);
                if (a == CaseAction.REFUSE && s.acceptedAt() != null) {
                    throw Refusal.notAllowed("The case was already accepted; refusing to accept is no longer "
                            + "possible. Ask for supplements, or pass it on for a decision.");
                }
                if (a != CaseAction.ACCEPT && acceptanceBySilenceDue(ctx, s, now)) {
                    throw Refusal.notAllowed("More than " + ACCEPTANCE_SILENCE_DAYS + " working days passed since "
                            + "receipt without a notice: the case counts as accepted (Art. 32). Accept it.");
                }
            }
            case PASS -> {
                requireState(s.status() == IN_PROGRESS
                        && (step.kind() == StepKind.REVIEW || step.kind() == StepKind.JOINT_REVIEW), a,
                        "only a case at a review step", s, step);
                requireActingParty(ctx, s, step, actor);
            }
            case RETURN -> {
                requireState(s.status() == IN_PROGRESS && REVIEWING.contains(step.kind()), a,
                        "only a case at a review or decision step", s, step);
                requireActingParty(ctx, s, step, actor);
            }
            case SUSPEND -> {
                requireState(s.status() == IN_PROGRESS && REVIEWING.contains(step.kind()), a,
                        "only a case at a review or decision step", s, step);
                requireHandler(ctx, s, step, actor);
            }
            case RESUME -> {
                requireState(s.status() == SUSPENDED, a, "only a suspended case", s, step);
                requireHandler(ctx, s, step, actor);
            }
            case APPROVE, DENY -> {
                requireState(s.status() == IN_PROGRESS && step.kind() == StepKind.DECIDE, a,
                        "only a case at the decision step", s, step);
                requireHandler(ctx, s, step, actor);
            }
            case ISSUE -> {
                requireState((s.status() == APPROVED || s.status() == IN_PROGRESS) && step.kind() == StepKind.ISSUE,
                        a, "only an approved case at the issuing step", s, step);
                requireHandler(ctx, s, step, actor);
            }
            default -> throw new IllegalStateException(a.name());
        }
    }

    private Transition accept(FlowContext ctx, FlowState s, Actor actor, String opinion, Instant now,
            boolean bySilence) {
        Draft d = new Draft(s);
        List<Transition.StepEnd> ended = List.of(end(ctx, s, "", actor, "ACCEPT", opinion, now));
        List<CaseEvent> events = new ArrayList<>();
        if (d.acceptedAt == null) {
            // Art. 32: a late answer (or none) counts as acceptance on receipt
            d.acceptedAt = bySilence || acceptanceBySilenceDue(ctx, s, now) ? s.submittedAt() : now;
            recomputeDue(ctx, d);
            events.add(new CaseEvent.CaseAccepted(ctx.caseNumber(), d.acceptedAt, d.dueDate));
        }
        Step next = next(ctx, s.stepCode());
        if (events.isEmpty()) {
            // accepted again after a return to the window: the step passes on, the acceptance time stays
            events.add(new CaseEvent.StepPassed(ctx.caseNumber(), now, s.stepCode(), actor.username(), next.code()));
        }
        d.status = IN_PROGRESS;
        List<Transition.StepStart> started = new ArrayList<>();
        startStep(ctx, d, next, now, started);
        return done(ctx, s, d, events, ended, started, true, bySilence ? "ACCEPT_BY_SILENCE" : "ACCEPT", opinion,
                null);
    }

    private Transition refuse(FlowContext ctx, FlowState s, Actor actor, Command c, Instant now) {
        String reason = required(c.opinion(), "opinion", "State the reason for refusing to accept (不予受理).");
        Draft d = new Draft(s);
        d.status = REFUSED;
        finish(ctx, d, now);
        return done(ctx, s, d, List.of(new CaseEvent.CaseRefused(ctx.caseNumber(), now, reason)),
                List.of(end(ctx, s, "", actor, "REFUSE", reason, now)), List.of(), true, "REFUSE", reason, null);
    }

    private Transition requestSupplement(FlowContext ctx, FlowState s, Actor actor, Command c, Instant now) {
        if (c.missing().isEmpty()) {
            throw Refusal.bad("missing", "List every missing material (Art. 32: all at once) by its code.");
        }
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : c.missing()) {
            if (code == null || ctx.matter().material(code).isEmpty() || !seen.add(code)) {
                unknown.add(String.valueOf(code));
            }
        }
        if (!unknown.isEmpty()) {
            throw Refusal.bad("missing", "Not a material of this matter, or listed twice: " + String.join(", ", unknown)
                    + ". Use the codes of the service guide's materials.");
        }
        Draft d = new Draft(s);
        d.status = SUPPLEMENT_REQUESTED;
        d.missing = List.copyOf(c.missing());
        d.supplementRounds++;
        d.pausedSince = now;
        String opinion = blankToNull(c.opinion());
        String detail = "missing=" + String.join(",", c.missing()) + (opinion == null ? "" : "; " + opinion);
        return done(ctx, s, d,
                List.of(new CaseEvent.SupplementRequested(ctx.caseNumber(), now, d.missing, opinion,
                        ctx.calendar().deadline(LocalDate.ofInstant(now, ClockConfig.CHINA),
                                SUPPLEMENT_RESPONSE_DAYS))),
                List.of(end(ctx, s, "", actor, "REQUEST_SUPPLEMENT", detail, now)), List.of(), true,
                "REQUEST_SUPPLEMENT", detail, new Transition.PauseChange("SUPPLEMENT", null, true));
    }

    private Transition pass(FlowContext ctx, FlowState s, Actor actor, Command c, Instant now) {
        Step step = step(ctx, s.stepCode());
        String opinion = blankToNull(c.opinion());
        Draft d = new Draft(s);
        String party = step.parties().isEmpty() ? "" : actingParty(ctx, s, step, actor).code();
        List<Transition.StepEnd> ended = List.of(end(ctx, s, party, actor, "PASS", opinion, now));
        List<Transition.StepStart> started = new ArrayList<>();
        String nextCode = null;
        if (!party.isEmpty()) {
            Set<String> passed = new LinkedHashSet<>(s.partiesPassed());
            passed.add(party);
            d.partiesPassed = passed;
        }
        boolean stepDone = party.isEmpty() || d.partiesPassed.size() == step.parties().size();
        if (stepDone) {
            Step next = next(ctx, step.code());
            nextCode = next.code();
            startStep(ctx, d, next, now, started);
        }
        return done(ctx, s, d,
                List.of(new CaseEvent.StepPassed(ctx.caseNumber(), now, step.code(), actor.username(), nextCode)),
                ended, started, true, "PASS", opinion, null);
    }

    private Transition giveBack(FlowContext ctx, FlowState s, Actor actor, Command c, Instant now) {
        Step step = step(ctx, s.stepCode());
        String reason = required(c.opinion(), "opinion", "State the reason for returning the case (退回).");
        int here = index(ctx, step.code());
        List<String> earlier = ctx.matter().steps().subList(0, here).stream().map(Step::code).toList();
        if (c.returnTo() == null || c.returnTo().isBlank()) {
            throw Refusal.bad("returnTo", "Name the step to return to: one of " + String.join(", ", earlier) + ".");
        }
        if (!earlier.contains(c.returnTo())) {
            throw Refusal.bad("returnTo", "A case can only be returned to an earlier step: one of "
                    + String.join(", ", earlier) + ".");
        }
        List<Transition.StepEnd> ended = new ArrayList<>();
        if (step.parties().isEmpty()) {
            ended.add(end(ctx, s, "", actor, "RETURN", reason, now));
        } else {
            Party mine = actingParty(ctx, s, step, actor);
            ended.add(end(ctx, s, mine.code(), actor, "RETURN", reason, now));
            for (Party p : step.parties()) {
                if (!p.code().equals(mine.code()) && !s.partiesPassed().contains(p.code())) {
                    ended.add(end(ctx, s, p.code(), Actor.SYSTEM, "CANCELLED", null, now));
                }
            }
        }
        Step target = step(ctx, c.returnTo());
        Draft d = new Draft(s);
        // back at acceptance the window clerk decides again (accept on, or ask for supplements); accepted stays accepted
        d.status = target.kind() == StepKind.ACCEPT ? SUBMITTED : IN_PROGRESS;
        List<Transition.StepStart> started = new ArrayList<>();
        startStep(ctx, d, target, now, started);
        return done(ctx, s, d,
                List.of(new CaseEvent.CaseReturned(ctx.caseNumber(), now, step.code(), target.code(), reason)),
                ended, started, true, "RETURN", "returnTo=" + target.code() + "; " + reason, null);
    }

    private Transition suspend(FlowContext ctx, FlowState s, Command c, Instant now) {
        String procedure = c.procedure() == null ? null : c.procedure().trim().toUpperCase(java.util.Locale.ROOT);
        if (procedure == null || procedure.isEmpty()) {
            throw Refusal.bad("procedure", "Name the special procedure (Art. 45): one of " + procedures() + ".");
        }
        if (!PROCEDURES.contains(procedure)) {
            throw Refusal.bad("procedure", "Unknown special procedure '" + c.procedure() + "'; use one of "
                    + procedures() + ".");
        }
        Draft d = new Draft(s);
        d.status = SUSPENDED;
        d.procedure = procedure;
        d.pausedSince = now;
        String opinion = blankToNull(c.opinion());
        return done(ctx, s, d, List.of(new CaseEvent.CaseSuspended(ctx.caseNumber(), now, procedure)), List.of(),
                List.of(), false, "SUSPEND", "procedure=" + procedure + (opinion == null ? "" : "; " + opinion),
                new Transition.PauseChange("SUSPEND", procedure, true));
    }

    private Transition resume(FlowContext ctx, FlowState s, Command c, Instant now) {
        Draft d = new Draft(s);
        String procedure = s.procedure();
        endPause(ctx, d, now);
        d.status = IN_PROGRESS;
        d.procedure = null;
        return done(ctx, s, d, List.of(new CaseEvent.CaseResumed(ctx.caseNumber(), now)), List.of(), List.of(),
                true, "RESUME", blankToNull(c.opinion()), new Transition.PauseChange("SUSPEND", procedure, false));
    }

    private Transition extend(FlowContext ctx, FlowState s, Command c, Instant now) {
        if (c.days() == null || c.days() < 1 || c.days() > MAX_EXTENSION_DAYS) {
            throw Refusal.bad("days", "Extend by 1 to " + MAX_EXTENSION_DAYS + " working days (Art. 42).");
        }
        String reason = required(c.opinion(), "opinion", "State the reason for the extension; the applicant is told.");
        Draft d = new Draft(s);
        d.extensionDays = c.days();
        recomputeDue(ctx, d);
        return done(ctx, s, d,
                List.of(new CaseEvent.DeadlineExtended(ctx.caseNumber(), now, c.days(), reason, d.dueDate)),
                List.of(), List.of(), false, "EXTEND", "days=" + c.days() + "; " + reason, null);
    }

    private Transition decide(FlowContext ctx, FlowState s, Actor actor, Command c, Instant now) {
        boolean approved = c.action() == CaseAction.APPROVE;
        String opinion = approved ? blankToNull(c.opinion())
                : required(c.opinion(), "opinion", "State the reasons for the denial (Art. 38).");
        Draft d = new Draft(s);
        d.decidedAt = now;
        List<Transition.StepStart> started = new ArrayList<>();
        if (approved) {
            d.status = APPROVED;
            Step next = nextOrNull(ctx, s.stepCode());
            if (next != null) {
                startStep(ctx, d, next, now, started);
            } else {
                finish(ctx, d, now);
            }
        } else {
            d.status = DENIED;
            finish(ctx, d, now);
        }
        return done(ctx, s, d, List.of(new CaseEvent.CaseDecided(ctx.caseNumber(), now, approved, opinion)),
                List.of(end(ctx, s, "", actor, c.action().name(), opinion, now)), started, true,
                c.action().name(), opinion, null);
    }

    private Transition issue(FlowContext ctx, FlowState s, Actor actor, Command c, Instant now) {
        Draft d = new Draft(s);
        d.status = ISSUED;
        finish(ctx, d, now);
        String opinion = blankToNull(c.opinion());
        return done(ctx, s, d, List.of(new CaseEvent.CaseIssued(ctx.caseNumber(), now)),
                List.of(end(ctx, s, "", actor, "ISSUE", opinion, now)), List.of(), true, "ISSUE", opinion, null);
    }

    private Transition withdraw(FlowContext ctx, FlowState s, Actor actor, Command c, Instant now) {
        List<Transition.StepEnd> ended = new ArrayList<>();
        for (Transition.Task t : openTasks(ctx, s)) {
            ended.add(end(ctx, s, t.partyCode(), actor, "WITHDRAWN", null, now));
        }
        Draft d = new Draft(s);
        Transition.PauseChange pause = null;
        if (s.pausedSince() != null) {
            pause = new Transition.PauseChange(s.status() == SUSPENDED ? "SUSPEND" : "SUPPLEMENT", s.procedure(),
                    false);
            endPause(ctx, d, now);
        }
        d.status = WITHDRAWN;
        d.procedure = null;
        d.missing = List.of();
        finish(ctx, d, now);
        return done(ctx, s, d, List.of(new CaseEvent.CaseWithdrawn(ctx.caseNumber(), now)), ended, List.of(), true,
                "WITHDRAW", blankToNull(c.opinion()), pause);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void requireState(boolean ok, CaseAction a, String what, FlowState s, Step step) {
        if (!ok) {
            throw Refusal.notAllowed(a + " applies to " + what + "; this case is " + s.status() + " at step "
                    + step.code() + " (" + step.kind() + ").");
        }
    }

    /** The caller handles the current step: its role in its handling region (or one party's, for a joint review). */
    private static void requireHandler(FlowContext ctx, FlowState s, Step step, Actor actor) {
        if (!handles(ctx, step, actor)) {
            throw Refusal.forbidden("Step " + step.code() + " is handled by " + handlerText(ctx, step)
                    + "; it is not yours.");
        }
    }

    private static void requireActingParty(FlowContext ctx, FlowState s, Step step, Actor actor) {
        requireHandler(ctx, s, step, actor);
        if (!step.parties().isEmpty() && actingPartyOrNull(ctx, s, step, actor) == null) {
            throw Refusal.notAllowed("Your party already passed step " + step.code() + "; the others are pending.");
        }
    }

    private static boolean handles(FlowContext ctx, Step step, Actor actor) {
        if (actor.role() == null || actor.regionCode() == null) {
            return false;
        }
        if (step.parties().isEmpty()) {
            return step.role() == actor.role() && actor.regionCode().equals(ctx.handlingRegion(step));
        }
        return step.parties().stream()
                .anyMatch(p -> p.role() == actor.role() && actor.regionCode().equals(ctx.handlingRegion(p)));
    }

    private static Party actingParty(FlowContext ctx, FlowState s, Step step, Actor actor) {
        Party p = actingPartyOrNull(ctx, s, step, actor);
        if (p == null) {
            throw Refusal.notAllowed("Your party already passed step " + step.code() + ".");
        }
        return p;
    }

    private static Party actingPartyOrNull(FlowContext ctx, FlowState s, Step step, Actor actor) {
        return step.parties().stream()
                .filter(p -> p.role() == actor.role() && actor.regionCode().equals(ctx.handlingRegion(p)))
                .filter(p -> !s.partiesPassed().contains(p.code()))
                .findFirst().orElse(null);
    }

    private static String handlerText(FlowContext ctx, Step step) {
        if (step.parties().isEmpty()) {
            return "the " + step.role() + " of region " + ctx.handlingRegion(step);
        }
        StringJoiner j = new StringJoiner(" and ");
        step.parties().forEach(p -> j.add("the " + p.role() + " of region " + ctx.handlingRegion(p)));
        return j.toString();
    }

    private static boolean isOwner(FlowContext ctx, Actor actor) {
        return actor.role() == Role.APPLICANT && ctx.applicantUsername().equals(actor.username());
    }

    private static Step step(FlowContext ctx, String code) {
        return ctx.matter().step(code)
                .orElseThrow(() -> new IllegalStateException("step " + code + " not in " + ctx.matter().code()));
    }

    private static int index(FlowContext ctx, String code) {
        List<Step> steps = ctx.matter().steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException("step " + code + " not in " + ctx.matter().code());
    }

    private static Step nextOrNull(FlowContext ctx, String code) {
        int i = index(ctx, code) + 1;
        return i < ctx.matter().steps().size() ? ctx.matter().steps().get(i) : null;
    }

    private static Step next(FlowContext ctx, String code) {
        Step next = nextOrNull(ctx, code);
        if (next == null) {
            throw new IllegalStateException("the flow of " + ctx.matter().code() + " ends at " + code);
        }
        return next;
    }

    private static Step acceptStep(FlowContext ctx) {
        return ctx.matter().steps().stream().filter(st -> st.kind() == StepKind.ACCEPT).findFirst()
                .orElse(ctx.matter().steps().getFirst());
    }

    static String partyStepName(Step step, Party p) {
        return step.name() + "（" + p.name() + "）";
    }

    private static void startStep(FlowContext ctx, Draft d, Step step, Instant now,
            List<Transition.StepStart> started) {
        d.stepCode = step.code();
        d.stepStartedAt = now;
        d.stepPausedDays = ZERO;
        d.partiesPassed = Set.of();
        if (step.parties().isEmpty()) {
            started.add(new Transition.StepStart(++d.stepSeq, step.code(), step.name(), step.level(),
                    ctx.handlingRegion(step), "", step.role(), now, step.limitDays()));
        } else {
            for (Party p : step.parties()) {
                started.add(new Transition.StepStart(++d.stepSeq, step.code(), partyStepName(step, p), p.level(),
                        ctx.handlingRegion(p), p.code(), p.role(), now, step.limitDays()));
            }
        }
    }

    /** A timeline row of the current step ends: working days between its start and now, pauses inside excluded. */
    private Transition.StepEnd end(FlowContext ctx, FlowState s, String party, Actor actor, String outcome,
            String opinion, Instant now) {
        BigDecimal days = wd(ctx, s.stepStartedAt(), now).subtract(s.stepPausedDays());
        if (s.pausedSince() != null && s.status() == SUSPENDED) {
            days = days.subtract(wd(ctx, s.pausedSince(), now));
        }
        return new Transition.StepEnd(s.stepCode(), party, actor.username(), outcome, opinion, days.max(ZERO));
    }

    /** Ends the running pause: its working days no longer count, for the step and (once accepted) the case. */
    private void endPause(FlowContext ctx, Draft d, Instant now) {
        if (d.pausedSince == null) {
            return;
        }
        if (d.status == SUSPENDED) {
            d.stepPausedDays = d.stepPausedDays.add(wd(ctx, d.pausedSince, now));
        }
        if (d.acceptedAt != null) {
            d.pausedDays = d.pausedDays.add(wd(ctx, max(d.pausedSince, d.acceptedAt), now));
            recomputeDue(ctx, d);
        }
        d.pausedSince = null;
    }

    /** Due date: promised days + extension + whole paused working days, counted from the day of acceptance. */
    private static void recomputeDue(FlowContext ctx, Draft d) {
        int days = limitDays(ctx) + d.extensionDays + wholeDays(d.pausedDays);
        d.dueDate = ctx.calendar().deadline(LocalDate.ofInstant(d.acceptedAt, ClockConfig.CHINA), days);
        d.dueAt = ctx.calendar().dueAt(d.acceptedAt, days);
    }

    /** The case's time limit: the promised (承诺) limit, else the statutory one, else Art. 42's 20 days. */
    public static int limitDays(FlowContext ctx) {
        if (ctx.matter().promisedDays() > 0) {
            return ctx.matter().promisedDays();
        }
        return ctx.matter().statutoryDays() > 0 ? ctx.matter().statutoryDays() : DEFAULT_LIMIT_DAYS;
    }

    private void finish(FlowContext ctx, Draft d, Instant now) {
        d.finishedAt = now;
        d.stepCode = null;
        d.partiesPassed = Set.of();
        d.workingDays = null;
        d.workingDays = workingDaysUsed(ctx, d.freeze(), now);
    }

    private Transition done(FlowContext ctx, FlowState before, Draft d, List<CaseEvent> events,
            List<Transition.StepEnd> ended, List<Transition.StepStart> started, boolean tasksChanged, String action,
            String detail, Transition.PauseChange pause) {
        FlowState after = d.freeze();
        List<Transition.Task> tasks = tasksChanged ? openTasks(ctx, after) : List.of();
        return new Transition(after, events, ended, started, tasks, tasksChanged,
                new Transition.AuditEntry(action, before.status(), after.status(), detail), pause);
    }

    private static BigDecimal wd(FlowContext ctx, Instant from, Instant to) {
        if (from == null || !to.isAfter(from)) {
            return ZERO;
        }
        return ctx.calendar().workingDays(from, to).setScale(2, RoundingMode.HALF_UP);
    }

    static int wholeDays(BigDecimal days) {
        return days.setScale(0, RoundingMode.CEILING).intValueExact();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String required(String value, String field, String message) {
        String v = blankToNull(value);
        if (v == null) {
            throw Refusal.bad(field, message);
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String procedures() {
        return String.join(", ", new java.util.TreeSet<>(PROCEDURES));
    }

    /** Mutable working copy of a state during one transition. */
    private static final class Draft {
        CaseStatus status;
        String stepCode;
        Set<String> partiesPassed;
        Instant submittedAt;
        Instant acceptedAt;
        Instant stepStartedAt;
        BigDecimal stepPausedDays;
        Instant pausedSince;
        BigDecimal pausedDays;
        int extensionDays;
        LocalDate dueDate;
        Instant dueAt;
        String procedure;
        List<String> missing;
        int supplementRounds;
        Instant decidedAt;
        Instant finishedAt;
        int stepSeq;
        BigDecimal workingDays;

        Draft(FlowState s) {
            status = s.status();
            stepCode = s.stepCode();
            partiesPassed = s.partiesPassed();
            submittedAt = s.submittedAt();
            acceptedAt = s.acceptedAt();
            stepStartedAt = s.stepStartedAt();
            stepPausedDays = s.stepPausedDays();
            pausedSince = s.pausedSince();
            pausedDays = s.pausedDays();
            extensionDays = s.extensionDays();
            dueDate = s.dueDate();
            dueAt = s.dueAt();
            procedure = s.procedure();
            missing = s.missing();
            supplementRounds = s.supplementRounds();
            decidedAt = s.decidedAt();
            finishedAt = s.finishedAt();
            stepSeq = s.stepSeq();
            workingDays = s.workingDays();
        }

        FlowState freeze() {
            return new FlowState(status, stepCode, partiesPassed, submittedAt, acceptedAt, stepStartedAt,
                    stepPausedDays, pausedSince, pausedDays, extensionDays, dueDate, dueAt, procedure, missing,
                    supplementRounds, decidedAt, finishedAt, stepSeq, workingDays);
        }
    }
}
