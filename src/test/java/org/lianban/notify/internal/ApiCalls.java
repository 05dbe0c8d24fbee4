package org.lianban.notify.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bearer tokens of demo users (password {@code demo}) for MockMvc calls; a token per user, issued once. */
final class ApiCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;
    private final Map<String, String> tokens = new HashMap<>();

    ApiCalls(MockMvc mvc) {
        this.mvc = mvc;
    }

    RequestPostProcessor as(String username) {
        String token = tokens.computeIfAbsent(username, this::issue);
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    /** Forgets issued tokens (after the test clock jumped past their expiry). */
    void forget() {
        tokens.clear();
    }

    private String issue(String username) {
        try {
            MvcResult r = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + username + "\",\"password\":\"demo\"}")).andReturn();
            if (r.getResponse().getStatus() != 200) {
                throw new IllegalStateException("no token for " + username + ": " + r.getResponse().getStatus());
            }
            return json(r).get("token").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(MvcResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
