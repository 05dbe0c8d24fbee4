package org.lianban.stats.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.lianban.cases.Cases;
import org.lianban.cases.DeadlineOnset;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives one case's fact from its stored rows, with when it turns yellow and red (asked of the case module only
 * for an open, accepted case), and keeps the monthly tallies it is counted in true. Runs once per case event: usually
 * three statements (the case with its timeline, whether its month is stored, the fact's update), four for a running
 * case; for a case of a stored month the month's three tallies (its county, city, province) are updated in place.
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
            if (!months.isStored(f.receivedOn())) {
                // the usual case: a recent month, never stored
                facts.upsert(f, onset).filter(b -> !b.withDayOfMonth(1).equals(f.receivedOn().withDayOfMonth(1)))
                        .ifPresent(months::invalidate);
                return;
            }
            // a month with stored tallies: they follow the change instead of being rebuilt from all its facts
            Optional<CaseFact> before = facts.findForUpdate(f.caseId());
            if (before.isPresent() && before.get().caseVersion() > f.caseVersion()) {
                return; // a newer version is stored already (events may be handled out of order)
            }
            facts.upsert(f, onset);
            if (before.isPresent()) {
                months.change(before.get(), f);
            } else {
                months.invalidate(f.receivedOn()); // not counted before: a fact missing behind the tallies' back
            }
        });
    }

    private static FactStore.Onset onset(DeadlineOnset o) {
        return new FactStore.Onset(o.yellowFrom(), o.redAfter(), o.dueDate());
    }
}
