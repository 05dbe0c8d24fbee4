package org.lianban.documents.internal;

import java.util.concurrent.CompletableFuture;

import org.lianban.cases.CaseEvent;
import org.lianban.common.ListenerBatches;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues the documents of case events, in batches after the case's commit ({@link ListenerBatches}), and is recorded
 * in the event publication registry: a failure leaves the publication incomplete to be republished on restart, and
 * the issuer's (case, kind, event) key makes the redelivery create nothing twice.
 * <p>
 * One method per event type that produces a document, not one for every {@link CaseEvent}: the registry stores a
 * publication per (event, listener) in the case's transaction, so listening to events without a document (submitted,
 * step passed, ...) would cost an insert on the request path and a listener run for nothing.
 */
@Component
class CaseDocumentsListener {

    private final ListenerBatches.Batch<CaseEvent> batch;

    CaseDocumentsListener(CaseDocuments documents, ListenerBatches batches) {
        this.batch = batches.of("documents", events -> events.forEach(documents::issueFor));
    }

    @TransactionalEventListener
    CompletableFuture<Void> onAccepted(CaseEvent.CaseAccepted event) {
        return batch.submit(event);
    }

    @TransactionalEventListener
    CompletableFuture<Void> onSupplementRequested(CaseEvent.SupplementRequested event) {
        return batch.submit(event);
    }

    @TransactionalEventListener
    CompletableFuture<Void> onRefused(CaseEvent.CaseRefused event) {
        return batch.submit(event);
    }

    @TransactionalEventListener
    CompletableFuture<Void> onDeadlineExtended(CaseEvent.DeadlineExtended event) {
        return batch.submit(event);
    }

    @TransactionalEventListener
    CompletableFuture<Void> onDecided(CaseEvent.CaseDecided event) {
        return batch.submit(event);
    }
}
