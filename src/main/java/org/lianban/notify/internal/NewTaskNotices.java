package org.lianban.notify.internal;

import java.util.List;
import java.util.Map;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.lianban.catalog.Step;
import org.lianban.catalog.StepKind;
import org.lianban.notify.NoticeKind;
import org.springframework.stereotype.Component;

/**
 * A case arriving at a step is a new task (新待办) for the step's officials: on submission (the first step), on
 * acceptance (the step after it), when a step passes it on, when it is returned to an earlier step, and on approval
 * (the issuing step). One notice per official and event.
 */
@Component
class NewTaskNotices {

    private final StepHandlers handlers;
    private final SmsTemplates texts;

    NewTaskNotices(StepHandlers handlers, NoticeProperties props) {
        this.handlers = handlers;
        this.texts = new SmsTemplates(props.templates());
    }

    /** Whether the event brings the case to a step whose officials get a notice. */
    boolean concerns(CaseEvent event) {
        boolean arrives = event instanceof CaseEvent.CaseSubmitted || event instanceof CaseEvent.CaseAccepted
                || event instanceof CaseEvent.StepPassed p && p.nextStepCode() != null
                || event instanceof CaseEvent.CaseReturned
                || event instanceof CaseEvent.CaseDecided d && d.approved();
        return arrives && texts.has("new-task");
    }

    /**
     * The notices the event brings, one per official of the step it brings the case to; officials are looked up once
     * per {@code officials} memo ({@link StepHandlers#officials(CaseDetails, Step, Map)}).
     */
    List<NoticeStore.NewNotice> on(CaseEvent event, CaseDetails c, Map<String, List<String>> officials) {
        var step = switch (event) {
            case CaseEvent.StepPassed p -> handlers.step(c, p.nextStepCode());
            case CaseEvent.CaseReturned r -> handlers.step(c, r.toStepCode());
            case CaseEvent.CaseAccepted a -> handlers.stepAfterFirst(c);
            case CaseEvent.CaseDecided d -> handlers.firstOfKind(c, StepKind.ISSUE);
            default -> handlers.firstStep(c);
        };
        return step.map(s -> notices(event, c, s, officials)).orElse(List.of());
    }

    private List<NoticeStore.NewNotice> notices(CaseEvent event, CaseDetails c, Step step,
            Map<String, List<String>> officials) {
        String text = texts.render("new-task", Map.of("caseNumber", c.number(),
                "matterName", String.valueOf(c.matterName()), "stepName", step.name()));
        String key = c.number() + ":" + step.code() + ":" + event.at().toEpochMilli() + ":NEW_TASK:";
        return handlers.officials(c, step, officials).stream()
                .map(user -> new NoticeStore.NewNotice(key + user, user, c.number(), NoticeKind.NEW_TASK, text))
                .toList();
    }
}
