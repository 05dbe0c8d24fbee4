package org.lianban.cases.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lianban.cases.flow.Fixture.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lianban.cases.CaseAction;
import org.lianban.cases.CaseStatus;

/**
 * Every state × every action × every actor: the allowed combinations (and only those) succeed with the expected
 * status; the rest are refused as 422 when the state does not allow the action for anybody, else 403.
 */
class FlowEngineTransitionTableTest {

    /** state → action → (who may, resulting status). */
    record Allowed(Set<Actor> who, CaseStatus result) {}

    static final Map<String, Map<CaseAction, Allowed>> TABLE = new LinkedHashMap<>();

    static {
        allow("DRAFT", CaseAction.WITHDRAW, Set.of(OWNER), CaseStatus.WITHDRAWN);
        allow("SUBMITTED", CaseAction.ACCEPT, Set.of(COUNTY_CLERK), CaseStatus.IN_PROGRESS);
        allow("SUBMITTED", CaseAction.REFUSE, Set.of(COUNTY_CLERK), CaseStatus.REFUSED);
        allow("SUBMITTED", CaseAction.REQUEST_SUPPLEMENT, Set.of(COUNTY_CLERK), CaseStatus.SUPPLEMENT_REQUESTED);
        allow("SUBMITTED", CaseAction.WITHDRAW, Set.of(OWNER), CaseStatus.WITHDRAWN);
        allow("SUPPLEMENT_REQUESTED", CaseAction.WITHDRAW, Set.of(OWNER), CaseStatus.WITHDRAWN);
        allow("IN_PROGRESS@COUNTY_REVIEW", CaseAction.PASS, Set.of(COUNTY_REVIEWER), CaseStatus.IN_PROGRESS);
        allow("IN_PROGRESS@COUNTY_REVIEW", CaseAction.RETURN, Set.of(COUNTY_REVIEWER), CaseStatus.SUBMITTED);
        allow("IN_PROGRESS@COUNTY_REVIEW", CaseAction.SUSPEND, Set.of(COUNTY_REVIEWER), CaseStatus.SUSPENDED);
        allow("IN_PROGRESS@COUNTY_REVIEW", CaseAction.EXTEND, Set.of(PROVINCE_APPROVER), CaseStatus.IN_PROGRESS);
        allow("IN_PROGRESS@COUNTY_REVIEW", CaseAction.WITHDRAW, Set.of(OWNER), CaseStatus.WITHDRAWN);
        allow("IN_PROGRESS@JOINT", CaseAction.PASS, Set.of(COUNTY_REVIEWER, CITY_REVIEWER), CaseStatus.IN_PROGRESS);
        allow("IN_PROGRESS@JOINT", CaseAction.RETURN, Set.of(COUNTY_REVIEWER, CITY_REVIEWER), CaseStatus.SUBMITTED);
        allow("IN_PROGRESS@JOINT", CaseAction.SUSPEND, Set.of(COUNTY_REVIEWER, CITY_REVIEWER), CaseStatus.SUSPENDED);
        allow("IN_PROGRESS@JOINT", CaseAction.EXTEND, Set.of(PROVINCE_APPROVER), CaseStatus.IN_PROGRESS);
        allow("IN_PROGRESS@JOINT", CaseAction.WITHDRAW, Set.of(OWNER), CaseStatus.WITHDRAWN);
        allow("IN_PROGRESS@DECIDE", CaseAction.APPROVE, Set.of(PROVINCE_APPROVER), CaseStatus.APPROVED);
        allow("IN_PROGRESS@DECIDE", CaseAction.DENY, Set.of(PROVINCE_APPROVER), CaseStatus.DENIED);
        allow("IN_PROGRESS@DECIDE", CaseAction.RETURN, Set.of(PROVINCE_APPROVER), CaseStatus.SUBMITTED);
        allow("IN_PROGRESS@DECIDE", CaseAction.SUSPEND, Set.of(PROVINCE_APPROVER), CaseStatus.SUSPENDED);
        allow("IN_PROGRESS@DECIDE", CaseAction.EXTEND, Set.of(PROVINCE_APPROVER), CaseStatus.IN_PROGRESS);
        allow("IN_PROGRESS@DECIDE", CaseAction.WITHDRAW, Set.of(OWNER), CaseStatus.WITHDRAWN);
        allow("SUSPENDED", CaseAction.RESUME, Set.of(COUNTY_REVIEWER), CaseStatus.IN_PROGRESS);
        allow("SUSPENDED", CaseAction.EXTEND, Set.of(PROVINCE_APPROVER), CaseStatus.SUSPENDED);
        allow("SUSPENDED", CaseAction.WITHDRAW, Set.of(OWNER), CaseStatus.WITHDRAWN);
        allow("APPROVED@ISSUE", CaseAction.ISSUE, Set.of(COUNTY_CLERK), CaseStatus.ISSUED);
        for (String end : List.of("REFUSED", "WITHDRAWN", "DENIED", "ISSUED")) {
            TABLE.put(end, new EnumMap<>(CaseAction.class));
        }
    }

    static void allow(String state, CaseAction a, Set<Actor> who, CaseStatus result) {
        TABLE.computeIfAbsent(state, k -> new EnumMap<>(CaseAction.class)).put(a, new Allowed(who, result));
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (String state : TABLE.keySet()) {
            for (CaseAction a : CaseAction.values()) {
                for (Actor actor : ACTORS) {
                    all.add(Arguments.of(state, a, actor));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @MethodSource("everyCombination")
    void onlyTheListedTransitionsAreAllowed(String stateName, CaseAction action, Actor actor) {
        FlowState s = state(stateName);
        Instant now = t("2024-03-05T10:00");
        Allowed allowed = TABLE.get(stateName).get(action);
        if (allowed != null && allowed.who().contains(actor)) {
            Transition tr = ENGINE.act(CTX, s, actor, valid(action), now);
            assertThat(tr.after().status()).isEqualTo(allowed.result());
            assertThat(tr.audit().action()).isEqualTo(action.name());
            assertThat(tr.audit().before()).isEqualTo(s.status());
            assertThat(tr.events()).hasSize(1);
            assertThat(ENGINE.allowedActions(CTX, s, actor, now)).contains(action);
        } else {
            Refusal.Kind expected = allowed == null ? Refusal.Kind.NOT_ALLOWED : Refusal.Kind.FORBIDDEN;
            assertThatThrownBy(() -> ENGINE.act(CTX, s, actor, valid(action), now))
                    .isInstanceOfSatisfying(Refusal.class, r -> {
                        assertThat(r.kind()).isEqualTo(expected);
                        assertThat(r.getMessage()).isNotBlank();
                    });
            assertThat(ENGINE.allowedActions(CTX, s, actor, now)).doesNotContain(action);
        }
    }
}
