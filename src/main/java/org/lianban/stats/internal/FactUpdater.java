package org.lianban.stats.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.lianban.cases.Cases;
import org.lianban.cases.DeadlineOnset;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives one case's fact from its stored rows, with when it turns yellow and red (asked of the case module only
 * for an open, accepted case), and forgets the monthly tallies it was counted in. Runs once per case event: usually
 * three statements (the case with its timeline, the fact's update, the month's "built" row), four for a running case.
 */
@Component
public class FactUpdater {

    private final FactStore facts;
    private final MonthTallies months;
    private final Cases cases;

    FactUpdater(FactStore facts, MonthTallies months, Cases cases) {
        this.facts = facts;
        this.months = months;
        this.cases = cases;
    }

    @Transactional
    public void refresh(String caseNumber) {
        facts.deriveRow(caseNumber).ifPresent(d -> {
            CaseFact f = d.fact();
            FactStore.Onset onset = FactStore.Onset.NONE;
            if (!f.finished() && d.due()) {
                onset = cases.deadlineOnset(caseNumber).map(FactUpdater::onset).orElse(FactStore.Onset.NONE);
            }
            Optional<LocalDate> before = facts.upsert(f, onset);
            months.invalidate(f.receivedOn());
            before.filter(b -> !b.withDayOfMonth(1).equals(f.receivedOn().withDayOfMonth(1)))
                    .ifPresent(months::invalidate);
        });
    }

    private static FactStore.Onset onset(DeadlineOnset o) {
        return new FactStore.Onset(o.yellowFrom(), o.redAfter(), o.dueDate());
    }
}
