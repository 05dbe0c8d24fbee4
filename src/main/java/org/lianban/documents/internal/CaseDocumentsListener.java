package org.lianban.documents.internal;

import org.lianban.cases.CaseEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues the documents of case events. Runs after the case's transaction commits, in its own transaction, and is
 * recorded in the event publication registry: a failure leaves the publication incomplete to be republished on
 * restart, and the issuer's (case, kind, event) key makes the redelivery create nothing twice.
 * <p>
 * One method per event type that produces a document, not one for every {@link CaseEvent}: the registry stores a
 * publication per (event, listener) in the case's transaction, so listening to events without a document (submitted,
 * step passed, ...) would cost an insert on the request path and a listener run for nothing.
 */
@Component
class CaseDocumentsListener {

    private final CaseDocuments documents;

    CaseDocumentsListener(CaseDocuments documents) {
        this.documents = documents;
    }

    @ApplicationModuleListener
    void onAccepted(CaseEvent.CaseAccepted event) {
        documents.issueFor(event);
    }

    @ApplicationModuleListener
    void onSupplementRequested(CaseEvent.SupplementRequested event) {
        documents.issueFor(event);
    }

    @ApplicationModuleListener
    void onRefused(CaseEvent.CaseRefused event) {
        documents.issueFor(event);
    }

    @ApplicationModuleListener
    void onDeadlineExtended(CaseEvent.DeadlineExtended event) {
        documents.issueFor(event);
    }

    @ApplicationModuleListener
    void onDecided(CaseEvent.CaseDecided event) {
        documents.issueFor(event);
    }
}
