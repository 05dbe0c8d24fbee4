package org.lianban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lianban.TestClock;
import org.lianban.common.Role;
import org.lianban.region.Regions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** Sign-in, tokens, throttling and demo users over HTTP; run on H2 and on PostgreSQL. */
abstract class IdentityApiContract {

    /** Each failing test signs in from its own address, so the per-address limit never leaks between tests. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired Regions regions;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    private static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private ResultActions requestToken(String username, String password, String address) throws Exception {
        return mvc.perform(from(post("/api/v1/auth/token"), address).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    private String token(String username) throws Exception {
        String body = requestToken(username, "demo", freshAddress()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.token");
    }

    @Test
    void demoClerkGetsATokenThatOpensMe() throws Exception {
        clock.set(Instant.now());
        requestToken("clerk@140105", "demo", freshAddress())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").value(not(emptyString())))
                .andExpect(jsonPath("$.expiresAt").exists());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token("clerk@140105")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("clerk@140105"))
                .andExpect(jsonPath("$.displayName").value("小店区窗口受理人员"))
                .andExpect(jsonPath("$.role").value("CLERK"))
                .andExpect(jsonPath("$.regionCode").value("140105"))
                .andExpect(jsonPath("$.level").value("COUNTY"));
    }

    @Test
    void onlyTheHashOfATokenIsStored() throws Exception {
        String token = token("reviewer@140100");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void wrongPasswordIsA401Problem() throws Exception {
        requestToken("clerk@140105", "not-demo", freshAddress())
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("Wrong username or password."));
    }

    @Test
    void missingFieldsAreA400ProblemNamingThem() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("username", "password")));
    }

    @Test
    void sixthFailureForAUsernameIsThrottledEvenWithTheRightPassword() throws Exception {
        // a demo user no other test signs in as; the block lasts only for this test context
        String username = "supervisor@141182";
        for (int i = 0; i < 5; i++) {
            requestToken(username, "wrong" + i, freshAddress()).andExpect(status().isUnauthorized());
        }
        requestToken(username, "demo", freshAddress())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", not(emptyString())))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429));
    }

    @Test
    void twentyFailuresFromOneAddressAreThrottled() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 20; i++) {
            requestToken("nobody-" + UUID.randomUUID(), "x", address).andExpect(status().isUnauthorized());
        }
        requestToken("nobody-" + UUID.randomUUID(), "x", address).andExpect(status().isTooManyRequests());
    }

    @Test
    void expiredTokenIsA401Problem() throws Exception {
        clock.set(Instant.parse("2026-03-02T01:00:00Z"));
        String token = token("approver@140100");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        clock.advance(Duration.ofHours(8).plusSeconds(1));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void revokedTokenIsA401Problem() throws Exception {
        clock.set(Instant.now());
        String token = token("clerk@140106");
        mvc.perform(delete("/api/v1/auth/token").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownTokenIsA401Problem() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void noTokenOnMeIsA401Problem() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
    }

    @Test
    @WithMockUser(roles = "CLERK")
    void clerkOnAnAdminPathIsA403Problem() throws Exception {
        mvc.perform(get("/api/v1/admin/guides"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    @WithMockUser(roles = "APPLICANT")
    void applicantCannotOpenTheWorkbench() throws Exception {
        mvc.perform(get("/workbench")).andExpect(status().isForbidden());
    }

    @Test
    void pageSignInWorksAndFailuresAreThrottled() throws Exception {
        mvc.perform(from(post("/login"), freshAddress()).with(csrf())
                        .param("username", "applicant2").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
        String username = "nobody-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            mvc.perform(from(post("/login"), freshAddress()).with(csrf())
                            .param("username", username).param("password", "x"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(from(post("/login"), freshAddress()).with(csrf())
                        .param("username", username).param("password", "x"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void everyRegionHasItsFourDemoOfficials() {
        for (var r : regions.all()) {
            for (Role role : new Role[] {Role.CLERK, Role.REVIEWER, Role.APPROVER, Role.SUPERVISOR}) {
                assertThat(users.officials(r.code(), role)).extracting(CurrentUser::username)
                        .as("%s of %s", role, r.code()).contains(role.name().toLowerCase() + "@" + r.code());
            }
        }
        assertThat(users.find("admin@140000")).get()
                .isEqualTo(new CurrentUser("admin@140000", "山西省事项管理员", Role.ADMIN, "140000",
                        org.lianban.common.Level.PROVINCE));
        assertThat(users.find("applicant1")).get().extracting(CurrentUser::role).isEqualTo(Role.APPLICANT);
    }
}
