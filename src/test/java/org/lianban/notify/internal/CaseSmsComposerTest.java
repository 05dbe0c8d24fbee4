package org.lianban.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lianban.cases.Applicant;
import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.lianban.cases.CaseStatus;

class CaseSmsComposerTest {

    static final Instant AT = Instant.parse("2026-11-27T02:00:00Z"); // Friday 10:00 in China

    SmsProperties props = new SmsProperties("log", Map.of(), 12, null, null, null);
    SmsTemplates templates = new SmsTemplates(Map.of(
            "submitted", "办件{caseNumber}查询码{queryCode}",
            "supplement", "办件{caseNumber}补正：{missing}，{respondBy}前",
            "refused", "办件{caseNumber}不予受理：{reason}",
            "approved", "{matterName}准予",
            "denied", "不予许可：{reason}"));
    CaseFacts facts = new CaseFacts() {
        public Optional<CaseDetails> find(String n) { return Optional.empty(); }
        public String materialName(long v, String code) { return code.equals("M1") ? "用地预审意见书" : code; }
    };
    CaseSmsComposer composer = new CaseSmsComposer(templates, props, facts);
    CaseDetails details = new CaseDetails("140105-2026-000009", "M", 7, "建设用地规划许可证核发", "140105", "140100",
            CaseStatus.SUBMITTED, "applicant1", new Applicant("张三", "ID_CARD", "x", "+86 138-1234-1234"), Map.of(),
            "Q7", AT, AT, null, null, LocalDate.of(2026, 12, 25), 0);

    @Test
    void submittedTellsNumberAndQueryCodeUnderAKeyPerEvent() {
        SmsOutbox.NewSms sms = composer.compose(new CaseEvent.CaseSubmitted(details.number(), AT, false), details)
                .orElseThrow();
        assertEquals("办件140105-2026-000009查询码Q7", sms.text());
        assertEquals("13812341234", sms.to());
        assertEquals("140105-2026-000009:CaseSubmitted:" + AT.toEpochMilli(), sms.key());
        assertEquals("140105", sms.regionCode());
    }

    @Test
    void supplementListsMaterialNamesAndTheDateToRespondBy() {
        SmsOutbox.NewSms sms = composer.compose(
                new CaseEvent.SupplementRequested(details.number(), AT, List.of("M1", "M2"), "缺件",
                        LocalDate.of(2026, 12, 4)), details).orElseThrow();
        assertEquals("办件140105-2026-000009补正：用地预审意见书、M2，2026年12月4日前", sms.text());
    }

    @Test
    void longReasonIsShortened() {
        SmsOutbox.NewSms sms = composer.compose(
                new CaseEvent.CaseRefused(details.number(), AT, "申请事项依法不需要取得行政许可，不属于本机关职权范围"), details)
                .orElseThrow();
        assertEquals("办件140105-2026-000009不予受理：申请事项依法不需要取得…", sms.text());
    }

    @Test
    void decisionPicksApprovedOrDenied() {
        assertEquals("建设用地规划许可证核发准予", composer.compose(
                new CaseEvent.CaseDecided(details.number(), AT, true, null), details).orElseThrow().text());
        assertEquals("不予许可：不符合规划", composer.compose(
                new CaseEvent.CaseDecided(details.number(), AT, false, "不符合规划"), details).orElseThrow().text());
    }

    @Test
    void internalStepsAndUnconfiguredTemplatesSendNothing() {
        assertTrue(composer.compose(new CaseEvent.StepPassed(details.number(), AT, "S1", "reviewer", "S2"), details)
                .isEmpty());
        assertTrue(composer.compose(new CaseEvent.CaseIssued(details.number(), AT), details).isEmpty());
        assertTrue(!CaseSmsComposer.texts(new CaseEvent.CaseSuspended(details.number(), AT, "专家评审")));
    }
}
