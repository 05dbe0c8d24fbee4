package org.lianban.documents.internal;

import org.lianban.cases.CaseEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issues the documents of case events. Runs after the case's transaction commits, in its own transaction, and is
 * recorded in the event publication registry: a failure leaves the publication incomplete to be republished on
 * restart, and the issuer's (case, kind, event) key makes the redelivery create nothing twice.
 */
@Component
class CaseDocumentsListener {

    private final CaseDocuments documents;

    CaseDocumentsListener(CaseDocuments documents) {
        this.documents = documents;
    }

    @ApplicationModuleListener
    void on(CaseEvent event) {
        documents.issueFor(event);
    }
}
