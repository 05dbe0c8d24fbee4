package org.lianban.notify.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.lianban.common.ClockConfig;
import org.lianban.common.PhoneNumbers;

/**
 * Which case events the applicant hears about by SMS, and with what text: submitted (number + query code), supplement
 * requested (what, by when), accepted (due date), refused (reason), deadline extended, decided, certificate issued.
 * Steps inside the authority (passed, returned, suspended ...) are not texted.
 */
final class CaseSmsComposer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final SmsTemplates templates;
    private final SmsProperties props;
    private final CaseFacts facts;

    CaseSmsComposer(SmsTemplates templates, SmsProperties props, CaseFacts facts) {
        this.templates = templates;
        this.props = props;
        this.facts = facts;
    }

    /** True for events that may produce an SMS (saves a case lookup for the others). */
    static boolean texts(CaseEvent event) {
        return !(event instanceof CaseEvent.StepPassed || event instanceof CaseEvent.CaseReturned
                || event instanceof CaseEvent.CaseSuspended || event instanceof CaseEvent.CaseResumed
                || event instanceof CaseEvent.CaseWithdrawn);
    }

    /** The outbox entry for an event: key {@code caseNumber:EventType:epochMillis}, unique per event. */
    Optional<SmsOutbox.NewSms> compose(CaseEvent event, CaseDetails c) {
        Map<String, String> v = new HashMap<>();
        v.put("caseNumber", c.number());
        v.put("matterName", Objects.toString(c.matterName(), ""));
        v.put("queryCode", Objects.toString(c.queryCode(), ""));
        String template = switch (event) {
            case CaseEvent.CaseSubmitted e -> e.resubmission() ? "resubmitted" : "submitted";
            case CaseEvent.SupplementRequested e -> {
                v.put("missing", e.missingMaterialCodes().stream()
                        .map(code -> facts.materialName(c.matterVersionId(), code)).collect(Collectors.joining("、")));
                v.put("respondBy", DATE.format(e.respondBy()));
                yield "supplement";
            }
            case CaseEvent.CaseAccepted e -> {
                v.put("dueDate", e.dueDate() == null ? "" : DATE.format(e.dueDate()));
                yield "accepted";
            }
            case CaseEvent.CaseRefused e -> {
                v.put("reason", shorten(e.reason()));
                yield "refused";
            }
            case CaseEvent.DeadlineExtended e -> {
                v.put("days", Integer.toString(e.days()));
                v.put("dueDate", DATE.format(e.newDueDate()));
                v.put("reason", shorten(e.reason()));
                yield "extended";
            }
            case CaseEvent.CaseDecided e -> {
                v.put("reason", shorten(e.reason()));
                yield e.approved() ? "approved" : "denied";
            }
            case CaseEvent.CaseIssued e -> "issued";
            case CaseEvent.StepPassed e -> null;
            case CaseEvent.CaseReturned e -> null;
            case CaseEvent.CaseSuspended e -> null;
            case CaseEvent.CaseResumed e -> null;
            case CaseEvent.CaseWithdrawn e -> null;
        };
        if (template == null || !templates.has(template)) {
            return Optional.empty();
        }
        String key = c.number() + ":" + event.getClass().getSimpleName() + ":" + event.at().toEpochMilli();
        String phone = c.applicant() == null ? null : c.applicant().phone();
        return Optional.of(new SmsOutbox.NewSms(key, c.number(), c.regionCode(),
                phone == null ? "" : PhoneNumbers.normalize(phone), template, templates.render(template, v)));
    }

    private String shorten(String reason) {
        if (reason == null || reason.isBlank()) {
            return "详见决定书";
        }
        String r = reason.strip();
        return r.length() <= props.reasonMaxChars() ? r : r.substring(0, props.reasonMaxChars() - 1) + "…";
    }
}
