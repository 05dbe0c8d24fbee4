package org.lianban.stats.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.cases.CaseStatus;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.common.ClockConfig;
import org.lianban.common.Level;

/**
 * The rows a {@link Plan} produces, computed without the case service: the bulk path of the 1,000,000-case benchmark.
 * It follows the flow engine's arithmetic (《行政许可法》: clock from acceptance, Art. 32 acceptance by silence, pauses
 * for supplements and special procedures excluded, two decimals) for the plan shapes the generator writes; a test plays
 * the same plans through the service and compares every figure.
 */
public final class PlanArithmetic {

    /** One timeline row. */
    public record StepRow(int seq, Step step, Party party, String regionCode, Instant startedAt, Instant finishedAt,
            String actor, String outcome, String opinion, BigDecimal workingDays) {

        public String code() {
            return step.code();
        }

        public String partyCode() {
            return party == null ? "" : party.code();
        }

        public Level level() {
            return party == null ? step.level() : party.level();
        }

        public String name() {
            return party == null ? step.name() : step.name() + "（" + party.name() + "）";
        }
    }

    /** The case row's figures after the plan's acts up to {@code now}. */
    public record Result(CaseStatus status, Instant submittedAt, Instant acceptedAt, Instant decidedAt,
            Instant finishedAt, BigDecimal workingDays, BigDecimal pausedDays, Instant pausedSince, LocalDate dueDate,
            Instant dueAt, String currentStepCode, Instant stepStartedAt, BigDecimal stepPausedDays,
            int supplementRounds, String procedure, List<String> missing, List<StepRow> steps, int actsApplied) {}

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final int ACCEPTANCE_SILENCE_DAYS = 5;
    private static final int DEFAULT_LIMIT_DAYS = 20;

    private final WorkingCalendar calendar;

    public PlanArithmetic(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Applies the plan's acts that happen before {@code now}; later ones have not happened yet (open cases). */
    public Result apply(Plan plan, MatterVersion m, Map<Level, String> regionAtLevel, Instant now) {
        List<StepRow> rows = new ArrayList<>();
        CaseStatus status = CaseStatus.SUBMITTED;
        Instant submitted = plan.receivedAt(), accepted = null, decided = null, finished = null, pausedSince = null;
        BigDecimal pausedDays = ZERO, stepPaused = ZERO, workingDays = null;
        int stepIndex = 0, rounds = 0, applied = 1;
        Instant stepStarted = submitted;
        String procedure = null;
        List<String> missing = List.of();
        Set<String> passedParties = new LinkedHashSet<>();
        start(rows, m.steps().get(0), regionAtLevel, submitted);
        for (Plan.Act a : plan.acts().subList(1, plan.acts().size())) {
            if (a.at().isAfter(now)) {
                break;
            }
            applied++;
            Instant t = a.at();
            Step step = stepIndex < 0 ? null : m.steps().get(stepIndex);
            String action = a.kind() == Plan.Kind.RESUBMIT ? "RESUBMIT" : a.action();
            switch (action) {
                case "RESUBMIT" -> {
                    pausedSince = null;
                    status = CaseStatus.SUBMITTED;
                    submitted = t;
                    missing = List.of();
                    stepIndex = 0;
                    stepStarted = t;
                    stepPaused = ZERO;
                    start(rows, m.steps().get(0), regionAtLevel, t);
                }
                case "REQUEST_SUPPLEMENT" -> {
                    end(rows, "", a, t, stepDays(stepStarted, stepPaused, null, t));
                    status = CaseStatus.SUPPLEMENT_REQUESTED;
                    missing = a.missing();
                    rounds++;
                    pausedSince = t;
                }
                case "ACCEPT" -> {
                    end(rows, "", a, t, stepDays(stepStarted, stepPaused, null, t));
                    if (accepted == null) {
                        accepted = !calendar.dueAt(submitted, ACCEPTANCE_SILENCE_DAYS).isAfter(t) ? submitted : t;
                    }
                    status = CaseStatus.IN_PROGRESS;
                    stepIndex++;
                    stepStarted = t;
                    stepPaused = ZERO;
                    passedParties.clear();
                    start(rows, m.steps().get(stepIndex), regionAtLevel, t);
                }
                case "REFUSE", "DENY", "ISSUE" -> {
                    end(rows, "", a, t, stepDays(stepStarted, stepPaused, null, t));
                    status = switch (action) {
                        case "REFUSE" -> CaseStatus.REFUSED;
                        case "DENY" -> CaseStatus.DENIED;
                        default -> CaseStatus.ISSUED;
                    };
                    if (!"ISSUE".equals(action)) {
                        decided = "DENY".equals(action) ? t : decided;
                    }
                    finished = t;
                    stepIndex = -1;
                }
                case "APPROVE" -> {
                    end(rows, "", a, t, stepDays(stepStarted, stepPaused, null, t));
                    decided = t;
                    status = CaseStatus.APPROVED;
                    if (stepIndex + 1 < m.steps().size()) {
                        stepIndex++;
                        stepStarted = t;
                        stepPaused = ZERO;
                        start(rows, m.steps().get(stepIndex), regionAtLevel, t);
                    } else {
                        finished = t;
                        stepIndex = -1;
                    }
                }
                case "PASS" -> {
                    String party = "";
                    if (!step.parties().isEmpty()) {
                        party = step.parties().stream().filter(p -> !passedParties.contains(p.code()))
                                .filter(p -> a.username().equals(user(p.role().name(), regionAtLevel.get(p.level()))))
                                .findFirst().orElseThrow().code();
                        passedParties.add(party);
                    }
                    end(rows, party, a, t, stepDays(stepStarted, stepPaused, null, t));
                    if (step.parties().isEmpty() || passedParties.size() == step.parties().size()) {
                        stepIndex++;
                        stepStarted = t;
                        stepPaused = ZERO;
                        passedParties.clear();
                        start(rows, m.steps().get(stepIndex), regionAtLevel, t);
                    }
                }
                case "RETURN" -> {
                    end(rows, "", a, t, stepDays(stepStarted, stepPaused, null, t));
                    stepIndex = index(m, a.returnTo());
                    status = stepIndex == 0 ? CaseStatus.SUBMITTED : CaseStatus.IN_PROGRESS;
                    stepStarted = t;
                    stepPaused = ZERO;
                    start(rows, m.steps().get(stepIndex), regionAtLevel, t);
                }
                case "SUSPEND" -> {
                    status = CaseStatus.SUSPENDED;
                    procedure = a.procedure();
                    pausedSince = t;
                }
                case "RESUME" -> {
                    stepPaused = stepPaused.add(wd(pausedSince, t));
                    if (accepted != null) {
                        pausedDays = pausedDays.add(wd(max(pausedSince, accepted), t));
                    }
                    pausedSince = null;
                    procedure = null;
                    status = CaseStatus.IN_PROGRESS;
                }
                case "WITHDRAW" -> {
                    for (StepRow r : List.copyOf(rows)) {
                        if (r.finishedAt() == null) {
                            end(rows, r.partyCode(), a, t, stepDays(stepStarted, stepPaused,
                                    status == CaseStatus.SUSPENDED ? pausedSince : null, t), "WITHDRAWN");
                        }
                    }
                    if (pausedSince != null && accepted != null) {
                        pausedDays = pausedDays.add(wd(max(pausedSince, accepted), t));
                    }
                    pausedSince = null;
                    status = CaseStatus.WITHDRAWN;
                    finished = t;
                    stepIndex = -1;
                }
                default -> throw new IllegalArgumentException("no arithmetic for " + action);
            }
        }
        if (finished != null) {
            workingDays = used(accepted, pausedDays, pausedSince, finished);
        }
        LocalDate dueDate = null;
        Instant dueAt = null;
        if (accepted != null) {
            int days = limitDays(m) + wholeDays(pausedDays);
            dueDate = calendar.deadline(LocalDate.ofInstant(accepted, ClockConfig.CHINA), days);
            dueAt = calendar.dueAt(accepted, days);
        }
        return new Result(status, submitted, accepted, decided, finished, workingDays, pausedDays, pausedSince,
                dueDate, dueAt, stepIndex < 0 ? null : m.steps().get(stepIndex).code(),
                stepIndex < 0 ? null : stepStarted, stepPaused, rounds, procedure, missing, rows, applied);
    }

    static int limitDays(MatterVersion m) {
        if (m.promisedDays() > 0) {
            return m.promisedDays();
        }
        return m.statutoryDays() > 0 ? m.statutoryDays() : DEFAULT_LIMIT_DAYS;
    }

    private BigDecimal used(Instant accepted, BigDecimal paused, Instant pausedSince, Instant end) {
        if (accepted == null) {
            return ZERO;
        }
        BigDecimal used = wd(accepted, end).subtract(paused);
        if (pausedSince != null) {
            used = used.subtract(wd(max(pausedSince, accepted), end));
        }
        return used.max(ZERO);
    }

    private BigDecimal stepDays(Instant started, BigDecimal paused, Instant suspendedSince, Instant end) {
        BigDecimal days = wd(started, end).subtract(paused);
        if (suspendedSince != null) {
            days = days.subtract(wd(suspendedSince, end));
        }
        return days.max(ZERO);
    }

    private static void start(List<StepRow> rows, Step step, Map<Level, String> regionAtLevel, Instant t) {
        if (step.parties().isEmpty()) {
            rows.add(new StepRow(rows.size() + 1, step, null, regionAtLevel.get(step.level()), t, null, null, null,
                    null, null));
        } else {
            for (Party p : step.parties()) {
                rows.add(new StepRow(rows.size() + 1, step, p, regionAtLevel.get(p.level()), t, null, null, null, null,
                        null));
            }
        }
    }

    private static void end(List<StepRow> rows, String party, Plan.Act a, Instant t, BigDecimal days) {
        end(rows, party, a, t, days, a.action());
    }

    private static void end(List<StepRow> rows, String party, Plan.Act a, Instant t, BigDecimal days, String outcome) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            StepRow r = rows.get(i);
            if (r.finishedAt() == null && r.partyCode().equals(party)) {
                String opinion = "REQUEST_SUPPLEMENT".equals(outcome)
                        ? "missing=" + String.join(",", a.missing()) + (a.opinion() == null ? "" : "; " + a.opinion())
                        : a.opinion();
                rows.set(i, new StepRow(r.seq(), r.step(), r.party(), r.regionCode(), r.startedAt(), t,
                        a.username(), outcome, opinion, days));
                return;
            }
        }
        throw new IllegalStateException("no open timeline row for party '" + party + "'");
    }

    private static int index(MatterVersion m, String code) {
        for (int i = 0; i < m.steps().size(); i++) {
            if (m.steps().get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException(code);
    }

    static String user(String role, String region) {
        return role.toLowerCase(java.util.Locale.ROOT) + "@" + region;
    }

    private BigDecimal wd(Instant from, Instant to) {
        if (from == null || !to.isAfter(from)) {
            return ZERO;
        }
        return calendar.workingDays(from, to).setScale(2, RoundingMode.HALF_UP);
    }

    private static int wholeDays(BigDecimal days) {
        return days.setScale(0, RoundingMode.CEILING).intValueExact();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
