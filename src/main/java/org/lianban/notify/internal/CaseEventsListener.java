package org.lianban.notify.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.lianban.common.ListenerBatches;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The notify module's one listener to case events: the SMS to the applicant and the new-task notices to officials.
 * One listener, not one per concern, so each case event costs one row in the publication registry (written in the
 * transition's transaction). Events are handled in batches after the case's commit ({@link ListenerBatches}), each
 * case read once per batch. The event is durable in the registry from the transition's own commit, and both writes
 * are idempotent (a key per event), so a redelivered event adds nothing. Only when the batch has committed is the
 * publication marked completed.
 */
@Component
class CaseEventsListener {

    private final CaseFacts facts;
    private final CaseSmsNotices sms;
    private final NewTaskNotices newTasks;
    private final SmsOutbox outbox;
    private final NoticeStore noticeStore;
    private final ListenerBatches.Batch<CaseEvent> batch;

    CaseEventsListener(CaseFacts facts, CaseSmsNotices sms, NewTaskNotices newTasks, SmsOutbox outbox,
            NoticeStore noticeStore, ListenerBatches batches) {
        this.facts = facts;
        this.sms = sms;
        this.newTasks = newTasks;
        this.outbox = outbox;
        this.noticeStore = noticeStore;
        this.batch = batches.of("notify", this::handle);
    }

    @TransactionalEventListener
    CompletableFuture<Void> on(CaseEvent event) {
        return batch.submit(event);
    }

    /** The batch's SMS and notices are inserted with one statement each. */
    private void handle(List<CaseEvent> events) {
        Map<String, CaseDetails> read = new HashMap<>();
        Map<String, List<String>> officials = new HashMap<>();
        List<SmsOutbox.NewSms> texts = new ArrayList<>();
        List<NoticeStore.NewNotice> notices = new ArrayList<>();
        for (CaseEvent event : events) {
            boolean sends = sms.concerns(event);
            boolean tasks = newTasks.concerns(event);
            if (!sends && !tasks) {
                continue;
            }
            CaseDetails details = read.computeIfAbsent(event.caseNumber(), n -> facts.find(n)
                    .orElseThrow(() -> new IllegalStateException("case " + n + " not found")));
            if (sends) {
                sms.on(event, details, texts);
            }
            if (tasks) {
                notices.addAll(newTasks.on(event, details, officials));
            }
        }
        outbox.enqueueAll(texts);
        noticeStore.addAll(notices);
    }
}
