package org.lianban.notify.internal;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.lianban.common.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Case event -> outbox row. The event is durable in Modulith's publication registry from the transition's own
 * transaction; this listener runs after that commit in its own transaction and inserts the SMS idempotently (message
 * key per event), so a redelivered event adds nothing. Only when it returns is the publication marked completed.
 */
@Component
class CaseSmsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseSmsListener.class);

    private final CaseFacts facts;
    private final CaseSmsComposer composer;
    private final SmsOutbox outbox;

    CaseSmsListener(CaseFacts facts, SmsTemplates templates, SmsProperties props, SmsOutbox outbox) {
        this.facts = facts;
        this.composer = new CaseSmsComposer(templates, props, facts);
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(CaseEvent event) {
        if (!CaseSmsComposer.texts(event)) {
            return;
        }
        CaseDetails details = facts.find(event.caseNumber())
                .orElseThrow(() -> new IllegalStateException("case " + event.caseNumber() + " not found"));
        composer.compose(event, details).ifPresent(sms -> {
            if (PhoneNumbers.isMainlandMobile(sms.to())) {
                outbox.enqueue(sms);
            } else if (outbox.recordUnsendable(sms, "not a mainland mobile number")) {
                log.warn("case {}: applicant phone is not a mainland mobile number, SMS {} not sent",
                        event.caseNumber(), sms.template());
            }
        });
    }
}
