package org.lianban.notify.internal;

import java.util.List;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.lianban.common.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Case event -> SMS outbox row, inserted idempotently (message key per event): a redelivered event adds nothing. */
@Component
class CaseSmsNotices {

    private static final Logger log = LoggerFactory.getLogger(CaseSmsNotices.class);

    private final CaseSmsComposer composer;
    private final SmsOutbox outbox;

    CaseSmsNotices(CaseFacts facts, SmsTemplates templates, SmsProperties props, SmsOutbox outbox) {
        this.composer = new CaseSmsComposer(templates, props, facts);
        this.outbox = outbox;
    }

    boolean concerns(CaseEvent event) {
        return CaseSmsComposer.texts(event);
    }

    /**
     * The SMS the event brings to the applicant, added to {@code sendable}; one to a number that is not a mainland
     * mobile is recorded as failed at once, for administrators to see.
     */
    void on(CaseEvent event, CaseDetails details, List<SmsOutbox.NewSms> sendable) {
        composer.compose(event, details).ifPresent(sms -> {
            if (PhoneNumbers.isMainlandMobile(sms.to())) {
                sendable.add(sms);
            } else if (outbox.recordUnsendable(sms, "not a mainland mobile number")) {
                log.warn("case {}: applicant phone is not a mainland mobile number, SMS {} not sent",
                        event.caseNumber(), sms.template());
            }
        });
    }
}
