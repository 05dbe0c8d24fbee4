package org.lianban.notify.internal;

import java.util.Map;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.lianban.catalog.Step;
import org.lianban.catalog.StepKind;
import org.lianban.notify.NoticeKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A case arriving at a step is a new task (新待办) for the step's officials: on submission (the first step), on
 * acceptance (the step after it), when a step passes it on, when it is returned to an earlier step, and on approval
 * (the issuing step). One notice per official and event.
 */
@Component
class NewTaskListener {

    private final CaseFacts facts;
    private final StepHandlers handlers;
    private final NoticeStore notices;
    private final SmsTemplates texts;

    NewTaskListener(CaseFacts facts, StepHandlers handlers, NoticeStore notices, NoticeProperties props) {
        this.facts = facts;
        this.handlers = handlers;
        this.notices = notices;
        this.texts = new SmsTemplates(props.templates());
    }

    @ApplicationModuleListener
    void on(CaseEvent event) {
        boolean arrives = event instanceof CaseEvent.CaseSubmitted || event instanceof CaseEvent.CaseAccepted
                || event instanceof CaseEvent.StepPassed p && p.nextStepCode() != null
                || event instanceof CaseEvent.CaseReturned
                || event instanceof CaseEvent.CaseDecided d && d.approved();
        if (!arrives || !texts.has("new-task")) {
            return;
        }
        CaseDetails c = facts.find(event.caseNumber())
                .orElseThrow(() -> new IllegalStateException("case " + event.caseNumber() + " not found"));
        var step = switch (event) {
            case CaseEvent.StepPassed p -> handlers.step(c, p.nextStepCode());
            case CaseEvent.CaseReturned r -> handlers.step(c, r.toStepCode());
            case CaseEvent.CaseAccepted a -> handlers.stepAfterFirst(c);
            case CaseEvent.CaseDecided d -> handlers.firstOfKind(c, StepKind.ISSUE);
            default -> handlers.firstStep(c);
        };
        step.ifPresent(s -> notify(event, c, s));
    }

    private void notify(CaseEvent event, CaseDetails c, Step step) {
        String text = texts.render("new-task", Map.of("caseNumber", c.number(),
                "matterName", String.valueOf(c.matterName()), "stepName", step.name()));
        String key = c.number() + ":" + step.code() + ":" + event.at().toEpochMilli() + ":NEW_TASK:";
        for (String user : handlers.officials(c, step)) {
            notices.add(key + user, user, c.number(), NoticeKind.NEW_TASK, text);
        }
    }
}
