package org.lianban.notify.internal;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The notify module's one listener to case events: the SMS to the applicant and the new-task notices to officials.
 * One listener, not one per concern, so each case event costs one row in the publication registry (written in the
 * transition's transaction) and one transaction here, which reads the case once. The event is durable in the registry
 * from the transition's own commit; this runs after that commit, and both writes are idempotent (a key per event), so
 * a redelivered event adds nothing. Only when it returns is the publication marked completed.
 */
@Component
class CaseEventsListener {

    private final CaseFacts facts;
    private final CaseSmsNotices sms;
    private final NewTaskNotices newTasks;

    CaseEventsListener(CaseFacts facts, CaseSmsNotices sms, NewTaskNotices newTasks) {
        this.facts = facts;
        this.sms = sms;
        this.newTasks = newTasks;
    }

    @ApplicationModuleListener
    void on(CaseEvent event) {
        boolean texts = sms.concerns(event);
        boolean tasks = newTasks.concerns(event);
        if (!texts && !tasks) {
            return;
        }
        CaseDetails details = facts.find(event.caseNumber())
                .orElseThrow(() -> new IllegalStateException("case " + event.caseNumber() + " not found"));
        if (texts) {
            sms.on(event, details);
        }
        if (tasks) {
            newTasks.on(event, details);
        }
    }
}
