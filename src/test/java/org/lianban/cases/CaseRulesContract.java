package org.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianban.common.ApiException;
import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Jurisdiction, concurrency, idempotency, bad input and the audit chain, through the HTTP API. */
abstract class CaseRulesContract extends CaseApiSupport {

    static List<String> rows(JsonNode timeline) {
        return CaseJourneyContract.rows(timeline);
    }

    @Autowired CaseService cases;
    @Autowired Cases read;
    @Autowired JdbcClient jdbc;

    /**
     * A city-decided case filed at 小店区 (140105) touches 140105 and 太原市 (140100). Columns: user, GET case and
     * timeline status, ACCEPT action status (the clerk of 140105 is the only one whose step it is).
     */
    @ParameterizedTest(name = "{0}: view {1}, accept {2}")
    @CsvSource({
            "applicant1, 200, 403", // the applicant: own case, not an official step
            "applicant2, 404, 404", // another applicant
            "clerk@140105, 200, 200", // same county, the step's clerk
            "reviewer@140105, 200, 403", // same county, wrong role
            "clerk@140106, 404, 404", // sibling county
            "reviewer@140100, 200, 403", // own city: handles a later step
            "clerk@140100, 200, 403", // own city, another role
            "reviewer@140200, 404, 404", // other city
            "reviewer@140000, 404, 404", // province: not on a city-decided flow
            "supervisor@140105, 200, 403", // supervisor of the county
            "supervisor@140100, 200, 403", // supervisor of the city
            "supervisor@140000, 200, 403", // supervisor of the province
            "supervisor@140106, 404, 404", // supervisor of a sibling county
            "supervisor@140200, 404, 404", // supervisor of another city
            "admin@140000, 404, 404"}) // the catalog administrator
    void jurisdictionMatrix(String user, int view, int accept) throws Exception {
        clock.set("2024-12-02T09:00");
        String n = submitted("applicant1", "NR-LAND-01-C", "140105");
        perform(user, get("/api/v1/cases/" + n)).andExpect(status().is(view));
        perform(user, get("/api/v1/cases/" + n + "/timeline")).andExpect(status().is(view));
        perform(user, get("/api/v1/cases/" + n + "/materials/M01")).andExpect(status().is(view));
        action(user, n, Map.of("action", "ACCEPT", "version", 1)).andExpect(status().is(accept));
        if (view == 404) {
            // indistinguishable from a case that does not exist
            String unknown = perform(user, get("/api/v1/cases/140105-2024-999999")).andReturn().getResponse()
                    .getContentAsString();
            String hidden = perform(user, get("/api/v1/cases/" + n)).andReturn().getResponse().getContentAsString();
            assertThat(hidden.replace(n, "N")).isEqualTo(unknown.replace("140105-2024-999999", "N"));
        }
    }

    @Test
    void officialsSeePersonalDataInFullSupervisorsMaskedAndReadsAreAudited() throws Exception {
        clock.set("2024-12-02T10:00");
        String n = submitted("applicant1", "NR-LAND-01-C", "140105");
        assertThat(view("clerk@140105", n).get("applicant").get("phone").asString()).isEqualTo("13812341234");
        JsonNode masked = view("supervisor@140000", n).get("applicant");
        assertThat(masked.get("phone").asString()).isEqualTo("138****1234");
        assertThat(masked.get("idNumber").asString()).doesNotContain("MA0GRX");
        List<String> actions = jdbc.sql("select a.action from audit_record a join case_file c on c.id = a.case_id "
                + "where c.number = ? order by a.id").param(n).query(String.class).list();
        assertThat(actions).containsSubsequence("CREATE", "UPLOAD", "SUBMIT", "VIEW", "VIEW");
    }

    @Test
    void aStaleVersionIsAConflictAndAMissingVersionABadRequest() throws Exception {
        clock.set("2024-12-02T11:00");
        String n = submitted("applicant2", "NR-LAND-01-X", "140105");
        action("clerk@140105", n, Map.of("action", "ACCEPT")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        action("clerk@140105", n, Map.of("action", "ACCEPT", "version", 0)).andExpect(status().isConflict());
        action("clerk@140105", n, Map.of("action", "FLY", "version", 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"));
        action("clerk@140105", n, Map.of("action", "APPROVE", "version", 1))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        assertThat(view("clerk@140105", n).get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void twoOfficialsActingAtOnceExactlyOneWins() throws Exception {
        clock.set("2024-12-02T12:00");
        String n = submitted("applicant3", "NR-LAND-01-X", "140105");
        CurrentUser clerk = new CurrentUser("clerk@140105", "clerk", Role.CLERK, "140105", Level.COUNTY);
        int version = cases.view(clerk, n).version();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String action : List.of("ACCEPT", "REFUSE")) {
                Callable<Integer> attempt = () -> {
                    start.await();
                    try {
                        cases.act(clerk, n, new ActionRequest(action, version, "理由", null, null, null, null), null);
                        return 200;
                    } catch (ApiException e) {
                        return e.status().value();
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        Integer steps = jdbc.sql("select count(*) from case_step s join case_file c on c.id = s.case_id "
                + "where c.number = ? and s.step_code = 'accept'").param(n).query(Integer.class).single();
        assertThat(steps).isEqualTo(1);
        assertThat(cases.view(clerk, n).version()).isEqualTo(version + 1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswerAndCreatesNothing() throws Exception {
        clock.set("2024-12-03T09:00");
        String key = "create-" + System.nanoTime();
        Map<String, Object> app = application("NR-LAND-01-X", "140105");
        String first = perform("applicant3", post("/api/v1/cases").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body(app)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = perform("applicant3", post("/api/v1/cases").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body(app)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(again)).isEqualTo(JSON.readTree(first));
        String number = JSON.readTree(first).get("number").asString();
        assertThat(jdbc.sql("select count(*) from idempotency_key where idem_key = ?").param(key)
                .query(Integer.class).single()).isEqualTo(1);
        Map<String, Object> other = new HashMap<>(app);
        other.put("regionCode", "140106");
        perform("applicant3", post("/api/v1/cases").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(body(other)))
                .andExpect(status().isUnprocessableContent());
        // an action replayed: same answer, the case moved once
        uploadRequired("applicant3", number, "NR-LAND-01-X");
        perform("applicant3", post("/api/v1/cases/" + number + "/submit")).andExpect(status().isOk());
        Map<String, Object> accept = Map.of("action", "ACCEPT", "version", 1);
        String a1 = perform("clerk@140105", post("/api/v1/cases/" + number + "/actions").header("Idempotency-Key", key + "-accept")
                .contentType(MediaType.APPLICATION_JSON).content(body(accept))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String a2 = perform("clerk@140105", post("/api/v1/cases/" + number + "/actions").header("Idempotency-Key", key + "-accept")
                .contentType(MediaType.APPLICATION_JSON).content(body(accept))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(a2)).isEqualTo(JSON.readTree(a1));
        assertThat(view("clerk@140105", number).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void everyProblemOfAnApplicationIsListedAtOnceAndNothingIsStored() throws Exception {
        clock.set("2024-12-03T10:00");
        int before = json(perform("applicant2", get("/api/v1/cases").param("mine", "true")).andReturn()).size();
        Map<String, Object> bad = application("NR-LAND-01-X", "140105");
        bad.put("applicant", Map.of("name", "", "idType", "ID_CARD", "idNumber", "110105194912310021",
                "phone", "010-12345678"));
        Map<String, Object> form = new HashMap<>();
        form.put("area", "lots");
        form.put("startDate", "2024/12/01");
        form.put("location", "999999");
        form.put("colour", "blue");
        bad.put("form", form);
        JsonNode problem = json(postCase("applicant2", bad).andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE)).andReturn());
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("applicant.name", "applicant.idNumber", "applicant.phone",
                "form.projectName", "form.area", "form.startDate", "form.location", "form.colour");
        postCase("applicant2", application("NR-NOPE", "140105")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("matterCode"));
        postCase("applicant2", application("NR-LAND-01-X", "999999")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        postCase("applicant2", application("NR-LAND-01-X", "140100")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        Map<String, Object> badUscc = application("NR-LAND-01-X", "140105");
        badUscc.put("applicant", Map.of("name", "某公司", "idType", "USCC", "idNumber", "91140105MA0GRX1234",
                "phone", "13812341234"));
        postCase("applicant2", badUscc).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("applicant.idNumber"));
        Map<String, Object> person = application("NR-LAND-01-X", "140105");
        person.put("applicant", Map.of("name", "张三", "idType", "ID_CARD", "idNumber", PERSON_ID,
                "phone", "+86 138-1234-1234"));
        postCase("applicant2", person).andExpect(status().isCreated());
        postCase("clerk@140105", application("NR-LAND-01-X", "140105")).andExpect(status().isForbidden());
        assertThat(json(perform("applicant2", get("/api/v1/cases").param("mine", "true")).andReturn()).size())
                .isEqualTo(before + 1);
    }

    @Test
    void uploadsAreCheckedByContentNamesAreSanitisedAndOnlyTheOwnerUploads() throws Exception {
        clock.set("2024-12-03T11:00");
        String n = createDraft("applicant1", "NR-LAND-01-X", "140105");
        upload("applicant1", n, "M01", "申请表.pdf", "just text, not a PDF".getBytes())
                .andExpect(status().isUnsupportedMediaType());
        upload("applicant1", n, "M01", "../../etc/passwd.pdf", pdf("x")).andExpect(status().isOk())
                .andExpect(jsonPath("$.filename").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("/"))));
        upload("applicant1", n, "NOPE", "a.pdf", pdf("x")).andExpect(status().isNotFound());
        upload("applicant2", n, "M01", "a.pdf", pdf("x")).andExpect(status().isNotFound());
        upload("clerk@140105", n, "M01", "a.pdf", pdf("x")).andExpect(status().isForbidden());
        perform("applicant1", post("/api/v1/cases/" + n + "/submit")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("materials.M02"));
        assertThat(jdbc.sql("select count(*) from case_material m join case_file c on c.id = m.case_id "
                + "where c.number = ?").param(n).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theAuditChainVerifiesAndATamperedRecordIsTheFirstBrokenLink() throws Exception {
        clock.set("2024-12-04T09:00");
        String n = submitted("applicant1", "NR-LAND-01-X", "140105");
        act("clerk@140105", n, "ACCEPT");
        perform("applicant1", get("/api/v1/audit/verify")).andExpect(status().isForbidden());
        perform("supervisor@140000", get("/api/v1/audit/verify")).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
        long id = jdbc.sql("select min(a.id) from audit_record a join case_file c on c.id = a.case_id "
                + "where c.number = ? and a.action = 'SUBMIT'").param(n).query(Long.class).single();
        String actor = jdbc.sql("select actor from audit_record where id = ?").param(id).query(String.class).single();
        jdbc.sql("update audit_record set actor = 'someone-else' where id = ?").param(id).update();
        try {
            perform("admin@140000", get("/api/v1/audit/verify")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBroken.id").value(id))
                    .andExpect(jsonPath("$.firstBroken.caseNumber").value(n));
        } finally {
            jdbc.sql("update audit_record set actor = ? where id = ?").params(actor, id).update();
        }
        perform("supervisor@140000", get("/api/v1/audit/verify")).andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void publicProgressNeedsTheRightCodeAndRevealsNothingPersonal() throws Exception {
        clock.set("2024-12-04T10:00");
        String n = submitted("applicant2", "NR-LAND-01-X", "140105");
        String code = view("applicant2", n).get("queryCode").asString();
        assertThat(code).matches("[2-9A-HJKMNP-Z]{8}");
        String wrong = mvc.perform(get("/api/v1/public/progress").param("number", n).param("code", "AAAAAAAA"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(get("/api/v1/public/progress").param("number", "140105-2024-999999")
                .param("code", code)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).isEqualTo(unknown);
        String ok = mvc.perform(get("/api/v1/public/progress").param("number", n).param("code", code))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getContentAsString();
        assertThat(ok).doesNotContain("13812341234").doesNotContain(COMPANY_ID).doesNotContain("applicant2");
    }

    @Test
    void otherModulesReadCasesAndDeadlineWarningsThroughTheRootApi() throws Exception {
        clock.set("2025-03-03T09:00");
        String n = submitted("applicant1", "NR-LAND-01-X", "140105");
        act("clerk@140105", n, "ACCEPT");
        CaseDetails d = read.find(n).orElseThrow();
        assertThat(d.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(d.decidingRegionCode()).isEqualTo("140105");
        assertThat(d.dueDate()).isNotNull();
        CurrentUser sibling = new CurrentUser("clerk@140106", "clerk", Role.CLERK, "140106", Level.COUNTY);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> read.requireVisible(n, sibling)).status().value()).isEqualTo(404);
        // 10 promised working days from Mon 3 Mar: due at the end of Mon 17 Mar
        assertThat(read.deadlineWarnings("140100", clock.instant())).extracting(DeadlineWarning::number)
                .doesNotContain(n);
        assertThat(read.deadlineWarnings("140100", java.time.Instant.parse("2025-03-14T01:00:00Z")))
                .filteredOn(w -> w.number().equals(n)).extracting(DeadlineWarning::warning)
                .containsExactly(Warning.YELLOW);
        assertThat(read.deadlineWarnings("140000", java.time.Instant.parse("2025-03-18T01:00:00Z")))
                .filteredOn(w -> w.number().equals(n)).extracting(DeadlineWarning::warning)
                .containsExactly(Warning.RED);
        assertThat(read.deadlineWarnings("140200", java.time.Instant.parse("2025-03-18T01:00:00Z")))
                .extracting(DeadlineWarning::number).doesNotContain(n);
    }

    @Test
    void silenceForFiveWorkingDaysAcceptsTheCaseFromReceipt() throws Exception {
        clock.set("2024-12-09T09:00");
        String n = submitted("applicant3", "NR-LAND-01-X", "140105");
        // Mon 9 Dec + 5 working days ends with Mon 16 Dec: not yet on the 16th, due on the 17th
        clock.set("2024-12-16T23:00");
        cases.at(clock.instant()).acceptDueBySilence(500);
        assertThat(view("applicant3", n).get("status").asString()).isEqualTo("SUBMITTED");
        clock.set("2024-12-17T00:30");
        assertThat(cases.at(clock.instant()).acceptDueBySilence(500)).isPositive();
        JsonNode v = view("applicant3", n);
        assertThat(v.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(v.get("acceptedAt").asString()).isEqualTo(v.get("submittedAt").asString());
        assertThat(rows(timeline("applicant3", n)).getFirst()).startsWith("accept|140105|system|ACCEPT|");
    }
}
