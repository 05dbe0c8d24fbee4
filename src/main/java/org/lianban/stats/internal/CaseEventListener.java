package org.lianban.stats.internal;

import org.lianban.cases.CaseEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the statistics facts current: every case event refreshes that case's row (after the case's commit). */
@Component
class CaseEventListener {

    private final FactUpdater updater;

    CaseEventListener(FactUpdater updater) {
        this.updater = updater;
    }

    @ApplicationModuleListener
    void on(CaseEvent event) {
        updater.refresh(event.caseNumber());
    }
}
