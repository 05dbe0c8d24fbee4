package org.lianban.cases;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lianban.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the cases API over HTTP as demo users with real bearer tokens (re-issued when the test clock jumps). */
abstract class CaseApiSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PERSON_ID = "11010519491231002X";
    static final String COMPANY_ID = "91140105MA0GRX121J";

    @Autowired MockMvc mvc;
    @Autowired TestClock clock;

    private record Issued(String token, Instant at) {}

    private final Map<String, Issued> tokens = new HashMap<>();

    RequestPostProcessor as(String username) {
        Issued t = tokens.get(username);
        Instant now = clock.instant();
        if (t == null || now.isBefore(t.at()) || now.isAfter(t.at().plus(Duration.ofHours(6)))) {
            t = new Issued(issue(username), now);
            tokens.put(username, t);
        }
        String bearer = "Bearer " + t.token();
        return request -> {
            request.addHeader("Authorization", bearer);
            return request;
        };
    }

    private String issue(String username) {
        try {
            MvcResult r = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + username + "\",\"password\":\"demo\"}")).andReturn();
            if (r.getResponse().getStatus() != 200) {
                throw new IllegalStateException("no token for " + username + ": " + r.getResponse().getContentAsString());
            }
            return json(r).get("token").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static String body(Object o) {
        return JSON.writeValueAsString(o);
    }

    static Map<String, Object> application(String matter, String region) {
        Map<String, Object> form = new HashMap<>();
        form.put("projectName", "太原市示范项目");
        form.put("location", region);
        form.put("area", 12.5);
        form.put("startDate", "2024-12-01");
        if (matter.startsWith("NR-MIN-")) {
            form.put("mineral", "煤");
        }
        Map<String, Object> app = new HashMap<>();
        app.put("matterCode", matter);
        app.put("regionCode", region);
        app.put("applicant", Map.of("name", "山西示范建设有限公司", "idType", "USCC", "idNumber", COMPANY_ID,
                "phone", "13812341234"));
        app.put("form", form);
        return app;
    }

    ResultActions perform(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(user)));
    }

    ResultActions postCase(String user, Object body) throws Exception {
        return perform(user, post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(body(body)));
    }

    /** Creates a draft and returns its number. */
    String createDraft(String applicant, String matter, String region) throws Exception {
        MvcResult r = postCase(applicant, application(matter, region)).andReturn();
        if (r.getResponse().getStatus() != 201) {
            throw new AssertionError("create failed: " + r.getResponse().getContentAsString());
        }
        return json(r).get("number").asString();
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
                + "/Count 0 >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    ResultActions upload(String user, String number, String material, String filename, byte[] content)
            throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", filename, "application/pdf", content);
        return mvc.perform(multipart(HttpMethod.PUT, "/api/v1/cases/" + number + "/materials/" + material)
                .file(file).with(as(user)));
    }

    List<String> requiredMaterials(String matter) throws Exception {
        JsonNode guide = json(mvc.perform(get("/api/v1/matters/" + matter)).andReturn());
        List<String> codes = new ArrayList<>();
        guide.get("materials").forEach(m -> {
            if (m.get("required").asBoolean()) {
                codes.add(m.get("code").asString());
            }
        });
        return codes;
    }

    void uploadRequired(String applicant, String number, String matter) throws Exception {
        for (String code : requiredMaterials(matter)) {
            int status = upload(applicant, number, code, code + ".pdf", pdf(number + code)).andReturn().getResponse()
                    .getStatus();
            if (status != 200) {
                throw new AssertionError("upload of " + code + " failed with " + status);
            }
        }
    }

    /** A submitted case of {@code applicant} at {@code region}; returns its number. */
    String submitted(String applicant, String matter, String region) throws Exception {
        String number = createDraft(applicant, matter, region);
        uploadRequired(applicant, number, matter);
        MvcResult r = perform(applicant, post("/api/v1/cases/" + number + "/submit")).andReturn();
        if (r.getResponse().getStatus() != 200) {
            throw new AssertionError("submit failed: " + r.getResponse().getContentAsString());
        }
        return number;
    }

    JsonNode view(String user, String number) throws Exception {
        MvcResult r = perform(user, get("/api/v1/cases/" + number)).andReturn();
        if (r.getResponse().getStatus() != 200) {
            throw new AssertionError("GET " + number + " as " + user + ": " + r.getResponse().getStatus());
        }
        return json(r);
    }

    ResultActions action(String user, String number, Map<String, Object> body) throws Exception {
        return perform(user, post("/api/v1/cases/" + number + "/actions").contentType(MediaType.APPLICATION_JSON)
                .content(body(body)));
    }

    /** Acts with the current version (read by the acting user) and expects success. */
    JsonNode act(String user, String number, String action, Object... extra) throws Exception {
        int version = view(user, number).get("version").asInt();
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("version", version);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        MvcResult r = action(user, number, body).andReturn();
        if (r.getResponse().getStatus() != 200) {
            throw new AssertionError(action + " by " + user + " on " + number + ": " + r.getResponse().getStatus()
                    + " " + r.getResponse().getContentAsString());
        }
        return json(r);
    }

    JsonNode timeline(String user, String number) throws Exception {
        return json(perform(user, get("/api/v1/cases/" + number + "/timeline")).andReturn());
    }
}
