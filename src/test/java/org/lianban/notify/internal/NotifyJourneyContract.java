package org.lianban.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianban.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/**
 * A whole case over the HTTP API sends exactly the expected SMS, once each, through the outbox to a loopback SMSC,
 * visible in the notifications API; the step's officials get new-task notices.
 */
abstract class NotifyJourneyContract {

    static final String PHONE = "13655551234";
    static final String MATTER = "NR-LAND-01-X"; // decided at the county

    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired SmsOutbox outbox;
    @Autowired SmsDispatcher contextDispatcher;
    @Autowired DeadlineWarningJob warnings;

    ApiCalls api;
    TestSmsc smsc;
    SmppGateway gateway;

    @BeforeEach
    void start() throws Exception {
        api = new ApiCalls(mvc);
        contextDispatcher.stop(); // this test's dispatcher sends to the test SMSC instead of the log
        smsc = new TestSmsc();
        gateway = new SmppGateway(SmppGatewayTest.smpp(smsc.port), outbox::receipt);
    }

    @AfterEach
    void stop() throws Exception {
        contextDispatcher.resume();
        gateway.close();
        smsc.close();
    }

    @Test
    void aFullJourneySendsEachExpectedMessageExactlyOnce() throws Exception {
        at("2025-03-03T09:00"); // a Monday
        String n = createDraft();
        uploadRequired(n);
        perform("applicant1", post("/api/v1/cases/" + n + "/submit"));
        at("2025-03-03T10:00");
        act("clerk@140105", n, "REQUEST_SUPPLEMENT", "missing", List.of(requiredMaterials().getFirst()),
                "opinion", "复印件不清晰");
        at("2025-03-04T09:00");
        uploadRequired(n);
        perform("applicant1", post("/api/v1/cases/" + n + "/submit"));
        at("2025-03-04T10:00");
        act("clerk@140105", n, "ACCEPT");
        at("2025-03-05T10:00");
        act("reviewer@140105", n, "PASS", "opinion", "同意");
        at("2025-03-06T10:00");
        act("approver@140105", n, "EXTEND", "days", 5, "opinion", "需征求相关部门意见");
        at("2025-03-06T11:00");
        act("approver@140105", n, "APPROVE", "opinion", "准予许可");
        at("2025-03-07T10:00");
        act("clerk@140105", n, "ISSUE");

        List<String> expected = List.of("accepted", "approved", "extended", "issued", "resubmitted", "submitted",
                "supplement");
        Poll.until(Duration.ofSeconds(60), "the journey's SMS in the outbox",
                () -> outbox.forCase(n).size() >= expected.size());
        SmsDispatcher dispatcher = new SmsDispatcher(outbox, gateway, SmppGatewayTest.quickRetries(50, 4));
        Poll.until(Duration.ofSeconds(60), "every SMS delivered", () -> {
            dispatcher.drain();
            return outbox.forCase(n).stream().allMatch(s -> s.status().name().equals("DELIVERED"));
        });

        // the notifications API: exactly these messages, masked, delivered
        JsonNode sent = json(perform("supervisor@140000", get("/api/v1/notifications").param("case", n)));
        List<String> templates = new ArrayList<>();
        sent.forEach(s -> {
            templates.add(s.get("template").asString());
            assertEquals("136****1234", s.get("to").asString());
            assertEquals("DELIVERED", s.get("status").asString());
            assertTrue(!s.get("sentAt").isNull());
        });
        assertEquals(expected, templates.stream().sorted().toList());
        assertTrue(!sent.toString().contains(PHONE));

        // the SMSC: one submit per message key, the texts the applicant reads
        Map<String, Long> perKey = smsc.messagesPerKey().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().startsWith(n + ":"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(expected.size(), perKey.size());
        perKey.values().forEach(count -> assertEquals(1L, count));
        List<String> texts = smsc.textsByDestination().get("86" + PHONE);
        assertTrue(texts.stream().anyMatch(t -> t.contains(n) && t.contains("查询码")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("已受理") && t.contains("承诺办结日期")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("延长5个工作日")), texts.toString());

        // a supervisor of another city does not learn that the case exists
        perform("supervisor@140200", get("/api/v1/notifications").param("case", n), 404);

        // new tasks reached the officials of each step
        assertTrue(json(perform("reviewer@140105", get("/api/v1/notices?limit=500"))).toString().contains(n));
        assertTrue(json(perform("approver@140105", get("/api/v1/notices?limit=500"))).toString().contains(n));
    }

    @Test
    void officialsOfTheWaitingStepAreWarnedOnceInYellowThenInRed() throws Exception {
        at("2025-03-03T09:00");
        String n = createDraft();
        uploadRequired(n);
        perform("applicant1", post("/api/v1/cases/" + n + "/submit"));
        at("2025-03-03T10:00");
        act("clerk@140105", n, "ACCEPT"); // 10 working days: due at the end of Mon 17 March

        at("2025-03-13T12:00"); // 8.08 working days used: yellow
        warnings.scan(clock.instant());
        warnings.scan(clock.instant());
        assertEquals(List.of("YELLOW"), kindsFor("reviewer@140105", n));

        at("2025-03-18T10:00"); // past due: red
        warnings.scan(clock.instant());
        assertEquals(List.of("RED", "YELLOW"), kindsFor("reviewer@140105", n));
        assertEquals(List.of(), kindsFor("approver@140105", n), "only the step the case waits at");
    }

    List<String> kindsFor(String user, String n) throws Exception {
        List<String> kinds = new ArrayList<>();
        json(perform(user, get("/api/v1/notices?limit=500"))).get("notices").forEach(x -> {
            if (n.equals(x.get("caseNumber").asString()) && !"NEW_TASK".equals(x.get("kind").asString())) {
                kinds.add(x.get("kind").asString());
            }
        });
        return kinds.stream().sorted().toList();
    }

    // --- the cases API as the journey needs it

    MvcResult perform(String user, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> r)
            throws Exception {
        return perform(user, r, 200);
    }

    MvcResult perform(String user, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> r,
            int expected) throws Exception {
        MvcResult result = mvc.perform(r.with(api.as(user))).andReturn();
        assertEquals(expected, result.getResponse().getStatus(), () -> {
            try {
                return r + " as " + user + ": " + result.getResponse().getContentAsString();
            } catch (Exception e) {
                return e.toString();
            }
        });
        return result;
    }

    /** Moves the test clock; tokens are issued again, as they expire when the clock jumps. */
    void at(String chinaLocalDateTime) {
        clock.set(chinaLocalDateTime);
        api.forget();
    }

    static JsonNode json(MvcResult r) throws Exception {
        return ApiCalls.json(r);
    }

    String createDraft() throws Exception {
        Map<String, Object> form = new HashMap<>();
        form.put("projectName", "通知测试项目");
        form.put("location", "140105");
        form.put("area", 12.5);
        form.put("startDate", "2025-04-01");
        Map<String, Object> body = Map.of("matterCode", MATTER, "regionCode", "140105",
                "applicant", Map.of("name", "山西示范建设有限公司", "idType", "USCC", "idNumber", "91140105MA0GRX121J",
                        "phone", PHONE),
                "form", form);
        return json(perform("applicant1", post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .content(ApiCalls.JSON.writeValueAsString(body)), 201)).get("number").asString();
    }

    List<String> requiredMaterials() throws Exception {
        List<String> codes = new ArrayList<>();
        ApiCalls.json(mvc.perform(get("/api/v1/matters/" + MATTER)).andReturn()).get("materials").forEach(m -> {
            if (m.get("required").asBoolean()) {
                codes.add(m.get("code").asString());
            }
        });
        return codes;
    }

    void uploadRequired(String n) throws Exception {
        for (String code : requiredMaterials()) {
            byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages "
                    + "/Kids [] /Count 0 >> endobj\n% " + n + code + clock.instant() + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII);
            perform("applicant1", multipart(HttpMethod.PUT, "/api/v1/cases/" + n + "/materials/" + code)
                    .file(new MockMultipartFile("file", code + ".pdf", "application/pdf", pdf)));
        }
    }

    void act(String user, String n, String action, Object... extra) throws Exception {
        int version = json(perform(user, get("/api/v1/cases/" + n))).get("version").asInt();
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("version", version);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        perform(user, post("/api/v1/cases/" + n + "/actions").contentType(MediaType.APPLICATION_JSON)
                .content(ApiCalls.JSON.writeValueAsString(body)));
    }
}
