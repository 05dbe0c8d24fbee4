package org.lianban.stats.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.lianban.cases.CaseEvent;
import org.lianban.common.ListenerBatches;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the statistics facts current: every case event refreshes that case's row, after the case's commit. Events
 * are handled in batches ({@link ListenerBatches}); a case with several events in one batch is refreshed once, from
 * its state at that moment, which is what every one of those refreshes would have ended with.
 */
@Component
class CaseEventListener {

    private final ListenerBatches.Batch<CaseEvent> batch;

    CaseEventListener(FactUpdater updater, ListenerBatches batches) {
        this.batch = batches.of("stats", (List<CaseEvent> events) -> updater.refreshAll(events.stream()
                .map(CaseEvent::caseNumber).distinct().toList()));
    }

    @TransactionalEventListener
    CompletableFuture<Void> on(CaseEvent event) {
        return batch.submit(event);
    }
}
