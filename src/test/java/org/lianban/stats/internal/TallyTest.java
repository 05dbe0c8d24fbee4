package org.lianban.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianban.cases.CaseStatus;

import tools.jackson.databind.json.JsonMapper;

class TallyTest {

    private static long id;

    static CaseFact fact(String region, CaseStatus status, boolean finished, Integer cd, Boolean onTime,
            Map<String, Integer> steps) {
        id++;
        return new CaseFact(id, "N" + id, 1, region, "NR-X", 1, "land", LocalDate.parse("2021-01-04").plusDays(id % 5),
                status, finished, cd, onTime, steps);
    }

    @Test
    void countsEachCaseOnceByOutcome() {
        Tally t = new Tally();
        t.add(fact("140105", CaseStatus.ISSUED, true, 497, true, Map.of("accept||COUNTY", 10)));
        t.add(fact("140105", CaseStatus.DENIED, true, 300, false, Map.of()));
        t.add(fact("140105", CaseStatus.REFUSED, true, 0, null, Map.of()));
        t.add(fact("140106", CaseStatus.WITHDRAWN, true, 0, null, Map.of()));
        t.add(fact("140106", CaseStatus.IN_PROGRESS, false, null, null, Map.of()));
        assertThat(t.t[Tally.CASES]).isEqualTo(5);
        assertThat(t.t[Tally.COMPLETED]).isEqualTo(2);
        assertThat(t.t[Tally.DENIED]).isEqualTo(1);
        assertThat(t.t[Tally.REFUSED]).isEqualTo(1);
        assertThat(t.t[Tally.WITHDRAWN]).isEqualTo(1);
        assertThat(t.t[Tally.IN_PROGRESS]).isEqualTo(1);
        assertThat(t.t[Tally.ON_TIME]).isEqualTo(1);
        assertThat(t.t[Tally.LATE]).isEqualTo(1);
        assertThat(t.t[Tally.WORKING_CD]).isEqualTo(797);
        assertThat(t.r.get("140105")[Tally.CASES]).isEqualTo(3);
        assertThat(t.s.get("accept||COUNTY")).containsExactly(1, 10);
    }

    @Test
    void medianIsExactForOddAndEvenCounts() {
        Tally t = new Tally();
        for (int cd : new int[] {100, 497, 300}) {
            t.add(fact("140105", CaseStatus.ISSUED, true, cd, true, Map.of()));
        }
        assertThat(t.medianCd()).isEqualTo(300);
        t.add(fact("140105", CaseStatus.ISSUED, true, 401, true, Map.of()));
        assertThat(t.medianCd()).isEqualTo(351); // (300 + 401) / 2 = 350.5, half up
        assertThat(new Tally().medianCd()).isNull();
    }

    @Test
    void aStoredTallyMergesToTheSameFiguresAsCountingAgain() {
        Tally direct = new Tally(), first = new Tally(), second = new Tally();
        Map<String, Integer> steps = new LinkedHashMap<>();
        steps.put("county-review||COUNTY", 150);
        steps.put("joint-review|city|CITY", 80);
        for (int i = 0; i < 40; i++) {
            CaseFact f = fact(i % 2 == 0 ? "140105" : "141127", i % 7 == 0 ? CaseStatus.REFUSED : CaseStatus.ISSUED,
                    i % 11 != 0, i % 11 != 0 ? 50 * i : null, i % 3 != 0, steps);
            direct.add(f);
            (i < 17 ? first : second).add(f);
        }
        JsonMapper json = JsonMapper.builder().build();
        Tally restored = json.readValue(json.writeValueAsString(first), Tally.class);
        restored.merge(json.readValue(json.writeValueAsString(second), Tally.class));
        assertThat(restored.t).containsExactly(direct.t);
        assertThat(restored.medianCd()).isEqualTo(direct.medianCd());
        assertThat(restored.s.get("joint-review|city|CITY")).containsExactly(direct.s.get("joint-review|city|CITY"));
        assertThat(restored.r.get("141127")).containsExactly(direct.r.get("141127"));
        assertThat(restored.firstDay()).isEqualTo(direct.firstDay());
    }

    @Test
    void stepDaysSurviveTheirTextForm() {
        Map<String, Integer> steps = new LinkedHashMap<>();
        steps.put("accept||COUNTY", 12);
        steps.put("joint-review|county|COUNTY", 75);
        assertThat(CaseFact.decodeSteps(CaseFact.encodeSteps(steps))).isEqualTo(steps);
        assertThat(CaseFact.decodeSteps("")).isEmpty();
    }

    @Test
    void countingStoredColumnsGivesTheFactsFigures() {
        Tally fromFacts = new Tally(), fromColumns = new Tally();
        CaseStatus[] statuses = CaseStatus.values();
        for (int i = 0; i < 300; i++) {
            Map<String, Integer> steps = new LinkedHashMap<>();
            for (int k = 0; k < i % 4; k++) {
                steps.put(new String[] {"accept||COUNTY", "joint-review|city|CITY", "decide||PROVINCE"}[k], 7 * i + k);
            }
            CaseStatus status = statuses[i % statuses.length];
            boolean finished = i % 5 != 0;
            CaseFact f = fact(i % 3 == 0 ? "140105" : "141127", status, finished, i % 6 == 0 ? null : 13 * i,
                    i % 4 == 0 ? null : i % 4 == 1, steps);
            fromFacts.add(f);
            fromColumns.add(f.regionCode(), f.matterCode(), f.receivedOn().toString(), f.status(), f.finished(),
                    f.workingCd(), f.onTime(), CaseFact.encodeSteps(f.stepCd()));
        }
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(json.writeValueAsString(fromColumns)))
                .isEqualTo(json.readTree(json.writeValueAsString(fromFacts)));
        assertThat(fromFacts.s).isNotEmpty();
        assertThat(fromFacts.t[Tally.COMPLETED]).isPositive();
    }

    @Test
    void aRemovedFactLeavesTheTallyOfTheOthers() {
        List<CaseFact> all = new java.util.ArrayList<>();
        CaseStatus[] statuses = CaseStatus.values();
        for (int i = 0; i < 60; i++) {
            Map<String, Integer> steps = new LinkedHashMap<>();
            steps.put(i % 2 == 0 ? "accept||COUNTY" : "joint-review|city|CITY", 10 + i);
            all.add(fact(i % 3 == 0 ? "140105" : "141127", statuses[i % statuses.length], i % 5 != 0,
                    i % 5 != 0 ? 100 + 7 * i : null, i % 4 == 0 ? null : i % 4 == 1, steps));
        }
        Tally counted = new Tally(), others = new Tally();
        all.forEach(counted::add);
        for (int i = 0; i < all.size(); i++) {
            if (i % 7 == 3 || i > 50) {
                counted.remove(all.get(i));
            } else {
                others.add(all.get(i));
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(json.writeValueAsString(counted)))
                .isEqualTo(json.readTree(json.writeValueAsString(others)));
    }
}
