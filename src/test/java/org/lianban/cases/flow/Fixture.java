package org.lianban.cases.flow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lianban.cases.CaseAction;
import org.lianban.catalog.FormField;
import org.lianban.catalog.Material;
import org.lianban.catalog.MaterialForm;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.catalog.StepKind;
import org.lianban.common.ClockConfig;
import org.lianban.common.Level;
import org.lianban.common.Role;

/** A province-decided matter filed at 小店区 (140105), its actors, and helpers that drive a case to any state. */
final class Fixture {

    static final WeekendCalendar CALENDAR = new WeekendCalendar(Set.of(LocalDate.of(2024, 10, 1),
            LocalDate.of(2024, 10, 2), LocalDate.of(2024, 10, 3), LocalDate.of(2024, 10, 4), LocalDate.of(2024, 10, 7)));

    static final MatterVersion MATTER = new MatterVersion(7, "T-01", 1, "测试事项", "land", Level.PROVINCE, "自然资源厅",
            "《行政许可法》", 20, 15, true, "不收费", Set.of(Level.COUNTY),
            List.of(new Material("APP", "申请表", true, MaterialForm.ORIGINAL, 1, "PDF", null),
                    new Material("MAP", "图件", true, MaterialForm.COPY, 1, "PDF", null),
                    new Material("OPT", "其他", false, MaterialForm.COPY, 1, "PDF", null)),
            List.of(new FormField("area", "面积", org.lianban.catalog.FieldType.NUMBER, true)),
            List.of(new Step("ACCEPT", "受理", StepKind.ACCEPT, Level.COUNTY, Role.CLERK, 2, List.of()),
                    new Step("COUNTY_REVIEW", "县级审查", StepKind.REVIEW, Level.COUNTY, Role.REVIEWER, 3, List.of()),
                    new Step("JOINT", "联合审查", StepKind.JOINT_REVIEW, Level.CITY, Role.REVIEWER, 5,
                            List.of(new Party("CITY", "市级", Level.CITY, Role.REVIEWER),
                                    new Party("COUNTY", "县级", Level.COUNTY, Role.REVIEWER))),
                    new Step("PROVINCE_REVIEW", "省级审查", StepKind.REVIEW, Level.PROVINCE, Role.REVIEWER, 5,
                            List.of()),
                    new Step("DECIDE", "决定", StepKind.DECIDE, Level.PROVINCE, Role.APPROVER, 3, List.of()),
                    new Step("ISSUE", "发证", StepKind.ISSUE, Level.COUNTY, Role.CLERK, 2, List.of())),
            Instant.parse("2024-01-01T00:00:00Z"));

    static final FlowContext CTX = new FlowContext("140105-2024-000001", "applicant1", MATTER,
            Map.of(Level.COUNTY, "140105", Level.CITY, "140100", Level.PROVINCE, "140000"), CALENDAR);

    static final Actor OWNER = new Actor("applicant1", Role.APPLICANT, null);
    static final Actor OTHER_APPLICANT = new Actor("applicant2", Role.APPLICANT, null);
    static final Actor COUNTY_CLERK = new Actor("clerk@140105", Role.CLERK, "140105");
    static final Actor SIBLING_CLERK = new Actor("clerk@140106", Role.CLERK, "140106");
    static final Actor COUNTY_REVIEWER = new Actor("reviewer@140105", Role.REVIEWER, "140105");
    static final Actor CITY_REVIEWER = new Actor("reviewer@140100", Role.REVIEWER, "140100");
    static final Actor PROVINCE_REVIEWER = new Actor("reviewer@140000", Role.REVIEWER, "140000");
    static final Actor PROVINCE_APPROVER = new Actor("approver@140000", Role.APPROVER, "140000");
    static final Actor CITY_APPROVER = new Actor("approver@140100", Role.APPROVER, "140100");
    static final Actor SUPERVISOR = new Actor("supervisor@140000", Role.SUPERVISOR, "140000");

    static final List<Actor> ACTORS = List.of(OWNER, OTHER_APPLICANT, COUNTY_CLERK, SIBLING_CLERK, COUNTY_REVIEWER,
            CITY_REVIEWER, PROVINCE_REVIEWER, PROVINCE_APPROVER, CITY_APPROVER, SUPERVISOR);

    static final FlowEngine ENGINE = new FlowEngine();

    /** A China local time in 2024, e.g. {@code t("2024-03-04T09:00")}. */
    static Instant t(String local) {
        return LocalDateTime.parse(local).atZone(ClockConfig.CHINA).toInstant();
    }

    static final Set<String> ALL = Set.of("APP", "MAP", "OPT");

    static FlowState submitted(Instant at) {
        return ENGINE.submit(CTX, FlowState.draft(), OWNER, ALL, Set.of(), at).after();
    }

    static FlowState act(FlowState s, Actor a, Command c, Instant at) {
        return ENGINE.act(CTX, s, a, c, at).after();
    }

    static FlowState act(FlowState s, Actor a, CaseAction action, Instant at) {
        return act(s, a, valid(action), at);
    }

    /** A command with complete, valid parameters for the fixture's case at its usual step. */
    static Command valid(CaseAction a) {
        return switch (a) {
            case REFUSE, DENY -> Command.of(a, "理由");
            case REQUEST_SUPPLEMENT -> new Command(a, "请补正", List.of("MAP"), null, null, null);
            case RETURN -> new Command(a, "退回补充", null, null, "ACCEPT", null);
            case SUSPEND -> new Command(a, "专家评审", null, "EXPERT_REVIEW", null, null);
            case EXTEND -> new Command(a, "情况复杂", null, null, null, 10);
            default -> Command.of(a, "同意");
        };
    }

    /** Named states reachable by the flow, used by the transition table. */
    static FlowState state(String name) {
        return STATES.computeIfAbsent(name, Fixture::build);
    }

    private static final java.util.Map<String, FlowState> STATES = new java.util.concurrent.ConcurrentHashMap<>();

    private static FlowState build(String name) {
        Instant t0 = t("2024-03-04T09:00");
        FlowState s = FlowState.draft();
        if (name.equals("DRAFT")) {
            return s;
        }
        s = submitted(t0);
        if (name.equals("SUBMITTED")) {
            return s;
        }
        if (name.equals("SUPPLEMENT_REQUESTED")) {
            return act(s, COUNTY_CLERK, CaseAction.REQUEST_SUPPLEMENT, t0.plusSeconds(3600));
        }
        if (name.equals("REFUSED")) {
            return act(s, COUNTY_CLERK, CaseAction.REFUSE, t0.plusSeconds(3600));
        }
        if (name.equals("WITHDRAWN")) {
            return act(s, OWNER, CaseAction.WITHDRAW, t0.plusSeconds(3600));
        }
        s = act(s, COUNTY_CLERK, CaseAction.ACCEPT, t0.plusSeconds(3600));
        if (name.equals("IN_PROGRESS@COUNTY_REVIEW")) {
            return s;
        }
        if (name.equals("SUSPENDED")) {
            return act(s, COUNTY_REVIEWER, CaseAction.SUSPEND, t0.plusSeconds(7200));
        }
        s = act(s, COUNTY_REVIEWER, CaseAction.PASS, t0.plusSeconds(7200));
        if (name.equals("IN_PROGRESS@JOINT")) {
            return s;
        }
        s = act(s, CITY_REVIEWER, CaseAction.PASS, t0.plusSeconds(8000));
        s = act(s, COUNTY_REVIEWER, CaseAction.PASS, t0.plusSeconds(9000));
        s = act(s, PROVINCE_REVIEWER, CaseAction.PASS, t0.plusSeconds(10000));
        if (name.equals("IN_PROGRESS@DECIDE")) {
            return s;
        }
        if (name.equals("DENIED")) {
            return act(s, PROVINCE_APPROVER, CaseAction.DENY, t0.plusSeconds(11000));
        }
        s = act(s, PROVINCE_APPROVER, CaseAction.APPROVE, t0.plusSeconds(11000));
        if (name.equals("APPROVED@ISSUE")) {
            return s;
        }
        if (name.equals("ISSUED")) {
            return act(s, COUNTY_CLERK, CaseAction.ISSUE, t0.plusSeconds(12000));
        }
        throw new IllegalArgumentException(name);
    }

    private Fixture() {}
}
