package org.lianban.stats.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Re-derives one case's fact from its stored rows and forgets the monthly tallies it was counted in. */
@Component
public class FactUpdater {

    private final FactStore facts;
    private final MonthTallies months;

    FactUpdater(FactStore facts, MonthTallies months) {
        this.facts = facts;
        this.months = months;
    }

    @Transactional
    public void refresh(String caseNumber) {
        facts.derive(caseNumber).ifPresent(f -> {
            LocalDate before = facts.find(f.caseId()).map(CaseFact::receivedOn).orElse(null);
            facts.upsert(f);
            months.invalidate(f.receivedOn());
            if (before != null && !before.withDayOfMonth(1).equals(f.receivedOn().withDayOfMonth(1))) {
                months.invalidate(before);
            }
        });
    }
}
