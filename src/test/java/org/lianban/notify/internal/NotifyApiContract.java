package org.lianban.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianban.notify.NoticeKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

/** The notify endpoints: administrators' SMS views and officials' notices, with their access rules. */
abstract class NotifyApiContract {

    @Autowired MockMvc mvc;
    @Autowired SmsOutbox outbox;
    @Autowired NoticeStore notices;

    ApiCalls api;

    @BeforeEach
    void tokens() {
        api = new ApiCalls(mvc);
    }

    JsonNode getJson(String user, String path) throws Exception {
        return ApiCalls.json(mvc.perform(get(path).with(api.as(user))).andExpect(status().isOk()).andReturn());
    }

    @Test
    void administratorsSeeEveryTemplateWithItsSampleLengthAndSegments() throws Exception {
        JsonNode templates = getJson("admin@140000", "/api/v1/admin/sms/templates");
        assertEquals(9, templates.size());
        for (JsonNode t : templates) {
            assertEquals(t.get("sample").asString().length(), t.get("length").asInt());
            assertTrue(t.get("segments").asInt() == (t.get("length").asInt() <= 70 ? 1
                    : (t.get("length").asInt() + 66) / 67), t.toString());
            assertTrue(t.get("sample").asString().startsWith("【联办】"));
        }
    }

    @Test
    void failedMessagesAreListedForAdministratorsWithMaskedPhones() throws Exception {
        String key = "T-" + UUID.randomUUID();
        outbox.recordUnsendable(new SmsOutbox.NewSms(key, "140105-2026-999999", "140105", "13912345678", "accepted",
                "【联办】测试"), "not a mainland mobile number");

        JsonNode failed = getJson("admin@140000", "/api/v1/admin/sms/failed?limit=1000");
        JsonNode mine = null;
        for (JsonNode f : failed) {
            if ("140105-2026-999999".equals(f.get("caseNumber").asString())) {
                mine = f;
            }
        }
        assertTrue(mine != null, failed.toString());
        assertEquals("139****5678", mine.get("to").asString());
        assertEquals("not a mainland mobile number", mine.get("lastError").asString());
        assertTrue(!failed.toString().contains("13912345678"));
    }

    @Test
    void administratorsSendAFailedMessageAgainOnlyWhenItHasAMobileNumber() throws Exception {
        String mobileCase = "140105-2026-" + UUID.randomUUID().toString().substring(0, 6);
        String landlineCase = "140105-2026-" + UUID.randomUUID().toString().substring(0, 6);
        outbox.recordUnsendable(new SmsOutbox.NewSms("T-" + UUID.randomUUID(), mobileCase, "140105", "13912345670",
                "accepted", "【联办】测试"), "SMSC refused submit_sm: status 0x45");
        outbox.recordUnsendable(new SmsOutbox.NewSms("T-" + UUID.randomUUID(), landlineCase, "140105", "0351-7654321",
                "accepted", "【联办】测试"), "not a mainland mobile number");
        JsonNode failed = getJson("admin@140000", "/api/v1/admin/sms/failed?limit=1000");
        long mobile = idOf(failed, mobileCase);
        long landline = idOf(failed, landlineCase);

        mvc.perform(post("/api/v1/admin/sms/{id}/retry", mobile).with(api.as("supervisor@140000")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/sms/{id}/retry", mobile).with(api.as("admin@140000")))
                .andExpect(status().isNoContent());
        assertTrue(outbox.forCase(mobileCase).getFirst().status() != org.lianban.notify.SmsStatus.FAILED);
        mvc.perform(post("/api/v1/admin/sms/{id}/retry", mobile).with(api.as("admin@140000")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/admin/sms/{id}/retry", landline).with(api.as("admin@140000")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/admin/sms/{id}/retry", Long.MAX_VALUE).with(api.as("admin@140000")))
                .andExpect(status().isNotFound());
    }

    static long idOf(JsonNode failed, String caseNumber) {
        for (JsonNode f : failed) {
            if (caseNumber.equals(f.get("caseNumber").asString())) {
                return f.get("id").asLong();
            }
        }
        throw new AssertionError("no failed SMS for " + caseNumber);
    }

    @Test
    void onlyAdministratorsSeeTheOutbox() throws Exception {
        mvc.perform(get("/api/v1/admin/sms/failed").with(api.as("supervisor@140000"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/sms/templates")).andExpect(status().isUnauthorized());
    }

    @Test
    void notificationsOfACaseAreForSupervisorsAndAdministratorsOnly() throws Exception {
        mvc.perform(get("/api/v1/notifications").param("case", "140105-2026-000001").with(api.as("clerk@140105")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications").param("case", "140105-1999-000001").with(api.as("admin@140000")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBatchAddsTheNoticesAndMessagesWhoseKeysAreNotStoredYet() {
        String key = "T-" + UUID.randomUUID();
        assertTrue(notices.add(key + "a", "reviewer@140106", null, NoticeKind.NEW_TASK, "新待办：测试"));
        assertEquals(2, notices.addAll(List.of(
                new NoticeStore.NewNotice(key + "a", "reviewer@140106", null, NoticeKind.NEW_TASK, "新待办：测试"),
                new NoticeStore.NewNotice(key + "b", "reviewer@140106", "140106-2026-000043", NoticeKind.NEW_TASK,
                        "新待办：测试"),
                new NoticeStore.NewNotice(key + "c", "reviewer@140107", null, NoticeKind.NEW_TASK, "新待办：测试"))));
        assertEquals(0, notices.addAll(List.of(
                new NoticeStore.NewNotice(key + "c", "reviewer@140107", null, NoticeKind.NEW_TASK, "新待办：测试"))));

        assertTrue(outbox.enqueue(sms(key + "a")));
        assertEquals(2, outbox.enqueueAll(List.of(sms(key + "a"), sms(key + "b"), sms(key + "c"))));
        for (String k : List.of("a", "b", "c")) {
            assertEquals(java.util.Optional.of(org.lianban.notify.SmsStatus.PENDING), outbox.status(key + k));
        }
    }

    private static SmsOutbox.NewSms sms(String key) {
        return new SmsOutbox.NewSms(key, null, "140105", "13912345678", "accepted", "您的办件已受理");
    }

    @Test
    void anOfficialSeesUnreadNoticesAndMarksThemRead() throws Exception {
        String user = "reviewer@140106";
        String key = "T-" + UUID.randomUUID();
        assertTrue(notices.add(key, user, "140106-2026-000042", NoticeKind.YELLOW, "黄牌预警：测试"));
        assertTrue(!notices.add(key, user, "140106-2026-000042", NoticeKind.YELLOW, "黄牌预警：测试"), "once per key");

        String caseNumber = "140106-2026-" + key.substring(2, 8);
        assertTrue(notices.add(key + "b", user, caseNumber, NoticeKind.YELLOW, "黄牌预警：测试"));
        JsonNode inbox = getJson(user, "/api/v1/notices?limit=500");
        int unread = inbox.get("unread").asInt();
        JsonNode first = find(inbox, caseNumber);
        assertEquals("YELLOW", first.get("kind").asString());
        assertTrue(first.get("readAt").isNull());
        long id = first.get("id").asLong();

        mvc.perform(post("/api/v1/notices/{id}/read", id).with(api.as("reviewer@140105")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notices/{id}/read", id).with(api.as(user))).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/notices/{id}/read", id).with(api.as(user))).andExpect(status().isNoContent());
        JsonNode after = getJson(user, "/api/v1/notices?limit=500");
        assertEquals(unread - 1, after.get("unread").asInt());
        assertTrue(!find(after, caseNumber).get("readAt").isNull());
    }

    static JsonNode find(JsonNode inbox, String caseNumber) {
        for (JsonNode n : inbox.get("notices")) {
            if (caseNumber.equals(n.get("caseNumber").asString())) {
                return n;
            }
        }
        throw new AssertionError("no notice for " + caseNumber + " in " + inbox);
    }

    @Test
    void noticesNeedASignedInUser() throws Exception {
        mvc.perform(get("/api/v1/notices")).andExpect(status().isUnauthorized());
    }
}
