package org.lianban.stats.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.catalog.Material;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.catalog.StepKind;
import org.lianban.common.ClockConfig;
import org.lianban.common.Level;
import org.lianban.region.Regions;

/**
 * Writes realistic case histories (plain Java, seeded): officials act within office hours on working days, a step
 * takes hours to a few working days (more at higher levels), and some cases get supplements (补正), returns (退回),
 * special procedures (特别程序), refusals, denials or withdrawals. Calibrated so that the mix averages about five
 * working days per completed case, like the 2020 Shanxi platform (4.97).
 */
public final class PlanGenerator {

    static final double SUPPLEMENT = 0.10, REFUSE = 0.03, WITHDRAW = 0.01, RETURN = 0.05, SUSPEND = 0.04,
            DENY = 0.04;
    private static final LocalTime OPENS = LocalTime.of(8, 30), CLOSES = LocalTime.of(17, 30);
    private static final List<String> PROCEDURES = List.of("EXPERT_REVIEW", "PUBLIC_NOTICE", "HEARING", "INSPECTION");
    private static final List<String> APPLICANTS = List.of("applicant1", "applicant2", "applicant3");

    private final WorkingCalendar calendar;
    private final Regions regions;

    public PlanGenerator(WorkingCalendar calendar, Regions regions) {
        this.calendar = calendar;
        this.regions = regions;
    }

    /** A case of {@code matter} filed at county {@code region}, received on {@code day} (a working day). */
    public Plan plan(MatterVersion matter, String region, LocalDate day, Random rnd) {
        List<Plan.Act> acts = new ArrayList<>();
        String applicant = APPLICANTS.get(rnd.nextInt(APPLICANTS.size()));
        Instant t = office(day.atTime(OPENS).atZone(ClockConfig.CHINA).plusMinutes(rnd.nextInt(480)), rnd);
        Instant received = t;
        acts.add(new Plan.Act(t, Plan.Kind.SUBMIT, applicant, null, null, List.of(), null, null));
        List<Step> steps = matter.steps();
        if (rnd.nextDouble() < WITHDRAW) {
            acts.add(new Plan.Act(later(t, 0.3, rnd), Plan.Kind.ACTION, applicant, "WITHDRAW", "申请人撤回申请",
                    List.of(), null, null));
            return new Plan(matter.code(), matter.id(), region, applicant, received, acts);
        }
        Step accept = steps.getFirst();
        String clerk = user(accept.role().name(), region, accept.level());
        t = later(t, between(rnd, 0.05, 0.5), rnd);
        if (rnd.nextDouble() < REFUSE) {
            acts.add(Plan.Act.of(t, clerk, "REFUSE", "申请事项不属于本机关职权范围"));
            return new Plan(matter.code(), matter.id(), region, applicant, received, acts);
        }
        List<String> required = matter.materials().stream().filter(Material::required).map(Material::code).toList();
        if (!required.isEmpty() && rnd.nextDouble() < SUPPLEMENT) {
            List<String> missing = List.of(required.get(rnd.nextInt(required.size())));
            acts.add(new Plan.Act(t, Plan.Kind.ACTION, clerk, "REQUEST_SUPPLEMENT", "材料不清晰，请补正", missing,
                    null, null));
            t = office(t.atZone(ClockConfig.CHINA).plusDays(1 + rnd.nextInt(4)), rnd);
            acts.add(new Plan.Act(t, Plan.Kind.RESUBMIT, applicant, null, null, missing, null, null));
            t = later(t, between(rnd, 0.05, 0.4), rnd);
        }
        acts.add(Plan.Act.of(t, clerk, "ACCEPT", null));
        for (int i = 1; i < steps.size(); i++) {
            Step s = steps.get(i);
            String handler = user(s.role().name(), region, s.level());
            if (s.kind() == StepKind.JOINT_REVIEW) {
                for (Party p : s.parties()) {
                    t = later(t, pace(p.level(), rnd), rnd);
                    acts.add(Plan.Act.of(t, user(p.role().name(), region, p.level()), "PASS", "同意"));
                }
                continue;
            }
            if (s.kind() == StepKind.REVIEW && rnd.nextDouble() < SUSPEND) {
                t = later(t, between(rnd, 0.1, 0.5), rnd);
                String procedure = PROCEDURES.get(rnd.nextInt(PROCEDURES.size()));
                acts.add(new Plan.Act(t, Plan.Kind.ACTION, handler, "SUSPEND", "依法需要" + procedure, List.of(),
                        procedure, null));
                t = office(t.atZone(ClockConfig.CHINA).plusDays(3 + rnd.nextInt(8)), rnd);
                acts.add(Plan.Act.of(t, handler, "RESUME", null));
            }
            Step previous = steps.get(i - 1);
            if (s.kind() == StepKind.REVIEW && previous.kind() == StepKind.REVIEW && rnd.nextDouble() < RETURN) {
                t = later(t, pace(s.level(), rnd), rnd);
                acts.add(new Plan.Act(t, Plan.Kind.ACTION, handler, "RETURN", "审查意见需补充说明", List.of(), null,
                        previous.code()));
                t = later(t, pace(previous.level(), rnd), rnd);
                acts.add(Plan.Act.of(t, user(previous.role().name(), region, previous.level()), "PASS",
                        "已补充说明"));
            }
            t = later(t, pace(s.level(), rnd) * (s.kind() == StepKind.REVIEW ? 1 : 0.5), rnd);
            switch (s.kind()) {
                case DECIDE -> {
                    boolean deny = rnd.nextDouble() < DENY;
                    acts.add(Plan.Act.of(t, handler, deny ? "DENY" : "APPROVE",
                            deny ? "不符合法定条件，不予许可" : "准予许可"));
                    if (deny) {
                        return new Plan(matter.code(), matter.id(), region, applicant, received, acts);
                    }
                }
                case ISSUE -> acts.add(Plan.Act.of(t, handler, "ISSUE", "电子证照已送达"));
                default -> acts.add(Plan.Act.of(t, handler, "PASS", "同意"));
            }
        }
        return new Plan(matter.code(), matter.id(), region, applicant, received, acts);
    }

    /** Working days an official at this level usually takes for a review. */
    private static double pace(Level level, Random rnd) {
        return switch (level) {
            case COUNTY -> between(rnd, 0.25, 1.45);
            case CITY -> between(rnd, 0.35, 1.95);
            case PROVINCE -> between(rnd, 0.5, 2.45);
        };
    }

    private String user(String role, String filingRegion, Level level) {
        String region = regions.ancestorAt(filingRegion, level).orElseThrow().code();
        return role.toLowerCase(Locale.ROOT) + "@" + region;
    }

    /** {@code workingDays} of working-day time after {@code from} (24 h per working day), then office hours. */
    Instant later(Instant from, double workingDays, Random rnd) {
        ZonedDateTime z = from.atZone(ClockConfig.CHINA);
        long minutes = Math.round(workingDays * 24 * 60);
        while (minutes > 0) {
            ZonedDateTime midnight = z.toLocalDate().plusDays(1).atStartOfDay(ClockConfig.CHINA);
            if (calendar.isWorkingDay(z.toLocalDate())) {
                long left = Duration.between(z, midnight).toMinutes();
                if (left >= minutes) {
                    z = z.plusMinutes(minutes);
                    break;
                }
                minutes -= left;
            }
            z = midnight;
        }
        return office(z, rnd);
    }

    /** The instant itself if it is within office hours of a working day, else the next opening plus a little. */
    Instant office(ZonedDateTime z, Random rnd) {
        LocalTime time = z.toLocalTime();
        if (calendar.isWorkingDay(z.toLocalDate()) && !time.isBefore(OPENS) && time.isBefore(CLOSES)) {
            return z.toInstant();
        }
        LocalDate day = time.isBefore(OPENS) ? z.toLocalDate() : z.toLocalDate().plusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(OPENS).atZone(ClockConfig.CHINA).plusMinutes(rnd.nextInt(90)).toInstant();
    }

    private static double between(Random rnd, double low, double high) {
        return low + rnd.nextDouble() * (high - low);
    }
}
