package org.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * End-to-end journeys through the HTTP API for a province-, a city- and a county-decided matter, around the 2024
 * National Day holiday (1–7 Oct off; Sun 29 Sep and Sat 12 Oct are working days), with hand-computed working days.
 */
abstract class CaseJourneyContract extends CaseApiSupport {

    @Test
    void provinceDecidedCaseWithSupplementSuspensionReturnAndExtension() throws Exception {
        clock.set("2024-09-27T09:00");
        String n = submitted("applicant1", "NR-LAND-01-P", "140105");
        assertThat(n).matches("140105-2024-\\d{6}");

        // the county window asks for one material again (补正): the clock waits for the applicant
        clock.set("2024-09-27T10:00");
        JsonNode asked = act("clerk@140105", n, "REQUEST_SUPPLEMENT", "missing", List.of("M03"), "opinion", "复印件不清晰");
        assertThat(asked.get("status").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(asked.get("missing").get(0).asString()).isEqualTo("M03");
        perform("applicant1", post("/api/v1/cases/" + n + "/submit")).andExpect(status().isUnprocessableContent());
        clock.set("2024-09-29T09:00");
        upload("applicant1", n, "M03", "M03-清晰.pdf", pdf("v2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        perform("applicant1", post("/api/v1/cases/" + n + "/submit")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        // both versions stay readable
        perform("applicant1", get("/api/v1/cases/" + n + "/materials/M03").param("version", "1"))
                .andExpect(status().isOk());

        clock.set("2024-09-29T10:00");
        JsonNode accepted = act("clerk@140105", n, "ACCEPT");
        assertThat(accepted.get("dueDate").asString()).isEqualTo("2024-10-17");
        assertThat(accepted.get("currentStep").get("code").asString()).isEqualTo("county-review");

        clock.set("2024-09-30T10:00");
        act("reviewer@140105", n, "PASS", "opinion", "县级初审同意");
        clock.set("2024-10-08T10:00");
        act("reviewer@140100", n, "PASS", "opinion", "市级审查同意");
        assertThat(view("reviewer@140000", n).get("currentStep").get("regionCode").asString()).isEqualTo("140000");

        // expert review (Art. 45) from Tue 12:00 to Thu 12:00: two working days that do not count
        clock.set("2024-10-08T12:00");
        JsonNode suspended = act("reviewer@140000", n, "SUSPEND", "procedure", "EXPERT_REVIEW");
        assertThat(suspended.get("suspendedProcedure").asString()).isEqualTo("EXPERT_REVIEW");
        clock.set("2024-10-10T12:00");
        JsonNode resumed = act("reviewer@140000", n, "RESUME");
        assertThat(resumed.get("dueDate").asString()).isEqualTo("2024-10-21");

        // the province sends it back to the county (退回)
        clock.set("2024-10-11T12:00");
        JsonNode back = act("reviewer@140000", n, "RETURN", "returnTo", "county-review", "opinion", "补充县级踏勘意见");
        assertThat(back.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(back.get("currentStep").get("regionCode").asString()).isEqualTo("140105");
        clock.set("2024-10-12T10:00");
        act("reviewer@140105", n, "PASS", "opinion", "已补充踏勘意见");
        clock.set("2024-10-12T12:00");
        act("reviewer@140100", n, "PASS");
        clock.set("2024-10-14T10:00");
        act("reviewer@140000", n, "PASS", "opinion", "省级审查同意");

        clock.set("2024-10-14T11:00");
        JsonNode extended = act("approver@140000", n, "EXTEND", "days", 5, "opinion", "需征求相关部门意见");
        assertThat(extended.get("dueDate").asString()).isEqualTo("2024-10-28");
        assertThat(extended.get("extensionDays").asInt()).isEqualTo(5);
        clock.set("2024-10-14T15:00");
        JsonNode approved = act("approver@140000", n, "APPROVE", "opinion", "准予许可");
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("currentStep").get("code").asString()).isEqualTo("issue");
        clock.set("2024-10-15T09:00");
        JsonNode issued = act("clerk@140105", n, "ISSUE");
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.get("workingDaysUsed").decimalValue()).isEqualByComparingTo("5.96");

        JsonNode timeline = timeline("applicant1", n);
        assertThat(rows(timeline)).containsExactly(
                "accept|140105|clerk@140105|REQUEST_SUPPLEMENT|0.04",
                "accept|140105|clerk@140105|ACCEPT|0.04",
                "county-review|140105|reviewer@140105|PASS|1.00",
                "city-review|140100|reviewer@140100|PASS|1.00",
                "province-review|140000|reviewer@140000|RETURN|1.08",
                "county-review|140105|reviewer@140105|PASS|0.92",
                "city-review|140100|reviewer@140100|PASS|0.08",
                "province-review|140000|reviewer@140000|PASS|0.92",
                "decide|140000|approver@140000|APPROVE|0.21",
                "issue|140105|clerk@140105|ISSUE|0.75");

        // the public progress page shows the same per-step times, and nothing personal
        String code = issued.get("queryCode").asString();
        mvc.perform(get("/api/v1/public/progress").param("number", n).param("code", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.steps[4].workingDays").value(1.08))
                .andExpect(jsonPath("$.applicant").doesNotExist());
    }

    @Test
    void cityDecidedCaseGoesUpToTheCityAndBack() throws Exception {
        clock.set("2024-11-04T09:00");
        String n = submitted("applicant2", "NR-LAND-01-C", "140106");
        clock.set("2024-11-04T10:00");
        act("clerk@140106", n, "ACCEPT");
        clock.set("2024-11-05T10:00");
        act("reviewer@140106", n, "PASS");
        // the province is not on this flow: it does not even see the case
        perform("reviewer@140000", get("/api/v1/cases/" + n)).andExpect(status().isNotFound());
        clock.set("2024-11-06T10:00");
        act("reviewer@140100", n, "PASS");
        clock.set("2024-11-07T10:00");
        JsonNode approved = act("approver@140100", n, "APPROVE");
        assertThat(approved.get("decidingRegionCode").asString()).isEqualTo("140100");
        clock.set("2024-11-08T10:00");
        JsonNode issued = act("clerk@140106", n, "ISSUE");
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.get("workingDaysUsed").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(rows(timeline("applicant2", n))).containsExactly(
                "accept|140106|clerk@140106|ACCEPT|0.04",
                "county-review|140106|reviewer@140106|PASS|1.00",
                "city-review|140100|reviewer@140100|PASS|1.00",
                "decide|140100|approver@140100|APPROVE|1.00",
                "issue|140106|clerk@140106|ISSUE|1.00");
    }

    @Test
    void countyDecidedCaseStaysAtTheCountyAndCanBeDenied() throws Exception {
        clock.set("2024-11-11T09:00");
        String n = submitted("applicant3", "NR-LAND-01-X", "140105");
        act("clerk@140105", n, "ACCEPT");
        act("reviewer@140105", n, "PASS");
        perform("reviewer@140100", get("/api/v1/cases/" + n)).andExpect(status().isNotFound());
        clock.set("2024-11-12T09:00");
        perform("approver@140105", post("/api/v1/cases/" + n + "/actions").contentType("application/json")
                .content(body(Map.of("action", "DENY", "version", view("approver@140105", n).get("version").asInt()))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("opinion"));
        JsonNode denied = act("approver@140105", n, "DENY", "opinion", "不符合国土空间规划");
        assertThat(denied.get("status").asString()).isEqualTo("DENIED");
        assertThat(denied.get("allowedActions").size()).isZero();
        assertThat(denied.get("workingDaysUsed").decimalValue()).isEqualByComparingTo("1.00");
    }

    @Test
    void aJointReviewWaitsForEveryParty() throws Exception {
        clock.set("2024-11-18T09:00");
        String n = submitted("applicant1", "NR-MIN-06-P", "140105");
        act("clerk@140105", n, "ACCEPT");
        JsonNode afterCity = act("reviewer@140100", n, "PASS");
        assertThat(afterCity.get("currentStep").get("code").asString()).isEqualTo("joint-review");
        assertThat(afterCity.get("currentStep").get("pendingRegions").toString()).contains("140105");
        perform("reviewer@140100", get("/api/v1/tasks")).andExpect(status().isOk());
        JsonNode done = act("reviewer@140105", n, "PASS");
        assertThat(done.get("currentStep").get("code").asString()).isEqualTo("province-review");
    }

    @Test
    void theApplicantSeesTheirCasesAndOfficialsTheirQueues() throws Exception {
        clock.set("2024-11-25T09:00");
        String n = submitted("applicant2", "NR-LAND-01-X", "140105");
        JsonNode mine = json(perform("applicant2", get("/api/v1/cases").param("mine", "true")).andReturn());
        assertThat(mine.toString()).contains(n);
        JsonNode tasks = json(perform("clerk@140105", get("/api/v1/tasks").param("matter", "NR-LAND-01-X")).andReturn());
        List<String> numbers = new ArrayList<>();
        tasks.forEach(t -> numbers.add(t.get("number").asString()));
        assertThat(numbers).contains(n);
        assertThat(json(perform("clerk@140106", get("/api/v1/tasks")).andReturn()).toString()).doesNotContain(n);
        // five working days later the warning is red
        clock.set("2024-12-03T09:00");
        JsonNode late = json(perform("clerk@140105", get("/api/v1/tasks").param("matter", "NR-LAND-01-X")).andReturn());
        late.forEach(t -> {
            if (t.get("number").asString().equals(n)) {
                assertThat(t.get("warning").asString()).isEqualTo("RED");
            }
        });
    }

    static List<String> rows(JsonNode timeline) {
        List<String> rows = new ArrayList<>();
        timeline.forEach(r -> rows.add(r.get("stepCode").asString() + "|" + r.get("regionCode").asString() + "|"
                + r.get("actor").asString() + "|" + r.get("outcome").asString() + "|"
                + r.get("workingDays").decimalValue().setScale(2)));
        return rows;
    }
}
