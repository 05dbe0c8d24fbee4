package org.lianban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** User administration over HTTP (/api/v1/admin/users); run on H2 and on PostgreSQL. */
abstract class UserAdminApiContract {

    private static final String ADMIN = "admin@140000";
    private static final String PASSWORD = "correct horse battery";
    /** Sign-ins from addresses of their own, so that no other test's throttle counts interfere. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String json(String username, String displayName, String role, String regionCode, String password) {
        StringBuilder b = new StringBuilder("{");
        append(b, "username", username);
        append(b, "displayName", displayName);
        append(b, "role", role);
        append(b, "regionCode", regionCode);
        append(b, "password", password);
        return b.append('}').toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(b.length() > 1 ? "," : "").append('"').append(name).append("\":\"").append(value).append('"');
        }
    }

    private ResultActions create(String body) throws Exception {
        return mvc.perform(post("/api/v1/admin/users").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String createClerk(String password) throws Exception {
        String username = unique("clerk.") + "@140105";
        create(json(username, "小店区窗口 测试", "CLERK", "140105", password)).andExpect(status().isCreated());
        return username;
    }

    private ResultActions requestToken(String username, String password) throws Exception {
        int n = ADDRESSES.incrementAndGet();
        String address = "10.88." + (n / 250) + "." + (n % 250 + 1);
        return mvc.perform(post("/api/v1/auth/token").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
    }

    private String token(String username, String password) throws Exception {
        return JsonPath.read(requestToken(username, password).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(), "$.token");
    }

    private ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token));
    }

    private ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(post("/api/v1/admin/users/import").contentType("text/csv").content(csv));
    }

    // ---- who may ----

    @Test
    @WithMockUser(username = "clerk@140105", roles = "CLERK")
    void aClerkCannotAdministerUsers() throws Exception {
        mvc.perform(get("/api/v1/admin/users")).andExpect(status().isForbidden());
        create(json(unique("x."), "X", "CLERK", "140105", PASSWORD)).andExpect(status().isForbidden());
    }

    @Test
    void anonymousCallersMustSignIn() throws Exception {
        mvc.perform(get("/api/v1/admin/users")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAdministratorsRealTokenOpensUserAdministration() throws Exception {
        mvc.perform(get("/api/v1/admin/users").param("role", "ADMIN")
                        .header("Authorization", "Bearer " + token(ADMIN, "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem(ADMIN)));
    }

    // ---- create ----

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aCreatedOfficialCanSignInAndTheCreationIsAudited() throws Exception {
        String username = unique("reviewer.") + "@140100";
        create(json(username, "太原市审查 测试", "reviewer", "140100", PASSWORD))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/users/" + username))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.role").value("REVIEWER"))
                .andExpect(jsonPath("$.regionCode").value("140100"))
                .andExpect(jsonPath("$.level").value("CITY"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        me(token(username, PASSWORD)).andExpect(status().isOk()).andExpect(jsonPath("$.role").value("REVIEWER"));
        mvc.perform(get("/api/v1/admin/user-audit").param("username", username))
                .andExpect(jsonPath("$[0].action").value("CREATE"))
                .andExpect(jsonPath("$[0].actor").value(ADMIN))
                .andExpect(jsonPath("$[0].details").value("role=REVIEWER region=140100"));
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void everyBadFieldIsListedAtOnceAndNothingIsStored() throws Exception {
        create(json("Bad Name!", " ", "BOSS", "999999", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("username", "displayName", "role", "regionCode", "password")));
        create("{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("username", "displayName", "role", "regionCode", "password")));
        assertThat(jdbc.sql("select count(*) from app_user where username = 'Bad Name!'").query(Long.class).single())
                .isZero();
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aRegionIsRequiredForOfficialsAndUnknownRegionsAreRefused() throws Exception {
        create(json(unique("c."), "X", "CLERK", null, PASSWORD)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("regionCode")));
        create(json(unique("s."), "X", "SUPERVISOR", "14010", PASSWORD)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("regionCode")));
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void applicantsHaveNoRegion() throws Exception {
        create(json(unique("firm."), "X", "APPLICANT", "140105", PASSWORD)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("regionCode")));
        create(json(unique("firm."), "山西测试有限公司", "APPLICANT", null, PASSWORD)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.regionCode").doesNotExist())
                .andExpect(jsonPath("$.level").doesNotExist());
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void passwordsFollowThePolicy() throws Exception {
        String username = unique("p.") + "@140105";
        for (String bad : List.of("demo", "elevenchars", username + "-secret", "abcabcabcabcabc",
                "长".repeat(25))) {
            create(json(username, "X", "CLERK", "140105", bad)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("password")));
        }
        create(json(username, "X", "CLERK", "140105", "twelve chars")).andExpect(status().isCreated());
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aTakenUsernameIsAConflict() throws Exception {
        create(json("clerk@140105", "X", "CLERK", "140105", PASSWORD)).andExpect(status().isConflict());
        String username = createClerk(PASSWORD);
        create(json(username, "Y", "REVIEWER", "140105", PASSWORD)).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/admin/users/" + username)).andExpect(jsonPath("$.role").value("CLERK"));
    }

    // ---- disable, enable, passwords, tokens ----

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aDisabledUserCannotSignInAndItsTokensStopWorkingForGood() throws Exception {
        String username = createClerk(PASSWORD);
        String token = token(username, PASSWORD);
        me(token).andExpect(status().isOk());

        mvc.perform(post("/api/v1/admin/users/" + username + "/disable")).andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        me(token).andExpect(status().isUnauthorized());
        requestToken(username, PASSWORD).andExpect(status().isUnauthorized());

        mvc.perform(post("/api/v1/admin/users/" + username + "/enable")).andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true));
        me(token).andExpect(status().isUnauthorized());
        me(token(username, PASSWORD)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/admin/user-audit").param("username", username))
                .andExpect(jsonPath("$[*].action", is(List.of("ENABLE", "DISABLE", "CREATE"))))
                .andExpect(jsonPath("$[1].details").value("tokens revoked: 1"));
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void anAdministratorCannotDisableTheirOwnAccount() throws Exception {
        mvc.perform(post("/api/v1/admin/users/" + ADMIN + "/disable")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/admin/users/" + ADMIN)).andExpect(jsonPath("$.enabled").value(true));
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aPasswordResetReplacesThePasswordAndEndsTheTokens() throws Exception {
        String username = createClerk(PASSWORD);
        String token = token(username, PASSWORD);
        String next = "another long passphrase";
        mvc.perform(post("/api/v1/admin/users/" + username + "/password").contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"short\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/v1/admin/users/" + username + "/password").contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"" + next + "\"}")).andExpect(status().isNoContent());
        me(token).andExpect(status().isUnauthorized());
        requestToken(username, PASSWORD).andExpect(status().isUnauthorized());
        me(token(username, next)).andExpect(status().isOk());
        String audit = mvc.perform(get("/api/v1/admin/user-audit").param("username", username))
                .andExpect(jsonPath("$[0].action").value("RESET_PASSWORD"))
                .andReturn().getResponse().getContentAsString();
        assertThat(audit).doesNotContain(next).doesNotContain(PASSWORD);
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void revokingTokensEndsEveryLiveTokenOfTheUser() throws Exception {
        String username = createClerk(PASSWORD);
        String first = token(username, PASSWORD);
        String second = token(username, PASSWORD);
        mvc.perform(post("/api/v1/admin/users/" + username + "/revoke-tokens")).andExpect(status().isOk())
                .andExpect(jsonPath("$.revoked").value(2));
        me(first).andExpect(status().isUnauthorized());
        me(second).andExpect(status().isUnauthorized());
        me(token(username, PASSWORD)).andExpect(status().isOk());
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void anUnknownUserIsNotFound() throws Exception {
        String nobody = unique("nobody.");
        mvc.perform(get("/api/v1/admin/users/" + nobody)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/admin/users/" + nobody + "/disable")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/admin/users/" + nobody + "/revoke-tokens")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/admin/users/" + nobody + "/password").contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"" + PASSWORD + "\"}")).andExpect(status().isNotFound());
    }

    // ---- list ----

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void theListFiltersByRegionAndRole() throws Exception {
        mvc.perform(get("/api/v1/admin/users").param("region", "140105").param("role", "clerk"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("clerk@140105")))
                .andExpect(jsonPath("$[*].role", everyItem(is("CLERK"))))
                .andExpect(jsonPath("$[*].regionCode", everyItem(is("140105"))));
        mvc.perform(get("/api/v1/admin/users").param("role", "BOSS")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
    }

    // ---- CSV import ----

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aCsvImportCreatesEveryOfficialWithAnInitialPasswordShownOnce() throws Exception {
        String a = unique("clerk.") + "@140106";
        String b = unique("approver.") + "@140200";
        String body = importCsv("\uFEFFusername,displayName,role,regionCode\n" + a + ",迎泽区窗口 甲,CLERK,140106\n"
                        + b + ",\"大同市审批, 乙\",APPROVER,140200\n")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.users[*].username", containsInAnyOrder(a, b)))
                .andReturn().getResponse().getContentAsString();
        String password = JsonPath.read(body, "$.users[1].initialPassword");
        assertThat(password).hasSize(16);
        me(token(b, password)).andExpect(jsonPath("$.displayName").value("大同市审批, 乙"))
                .andExpect(jsonPath("$.role").value("APPROVER"));
        mvc.perform(get("/api/v1/admin/user-audit").param("username", a))
                .andExpect(jsonPath("$[0].action").value("IMPORT"));
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aCsvImportWithAnyBadRowStoresNothingAndNamesEveryRowAndField() throws Exception {
        String good = unique("clerk.") + "@140105";
        String twice = unique("reviewer.") + "@140105";
        importCsv("username,displayName,role,regionCode\n"
                        + good + ",甲,CLERK,140105\n"
                        + twice + ",乙,REVIEWER,140105\n"
                        + twice + ",丙,REVIEWER,140105\n"
                        + "clerk@140105,丁,CLERK,140105\n"
                        + "Bad!,,BOSS,999999\n"
                        + unique("firm.") + ",戊,APPLICANT,\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("row 3: username", "row 4: username",
                        "row 5: username", "row 5: displayName", "row 5: role", "row 5: regionCode", "row 6: role")));
        mvc.perform(get("/api/v1/admin/users/" + good)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admin/users/" + twice)).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aCsvImportNeedsTheHeaderAndFourColumnsPerRow() throws Exception {
        importCsv("user,name,role,region\nx,y,CLERK,140105\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("header"));
        importCsv("username,displayName,role,regionCode\n" + unique("c.") + ",甲,CLERK\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("row 1")));
        importCsv("username,displayName,role,regionCode\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }
}
