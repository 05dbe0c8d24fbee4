package org.lianban.stats.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lianban.cases.Cases;
import org.lianban.cases.DeadlineOnset;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives one case's fact from its stored rows, with when it turns yellow and red (asked of the case module only
 * for an open, accepted case), and keeps the monthly tallies it is counted in true. Runs once per case and listener
 * batch: the facts of the batch's cases derived with one query (each case with its timeline) and the running ones'
 * onsets with another, then per case usually two statements (whether its month is stored, the fact's update); for a
 * case of a stored month the month's three tallies (its county, city, province) are updated in place.
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
        refreshAll(List.of(caseNumber));
    }

    /** {@link #refresh} for many cases in one transaction (a listener batch), their facts derived with one query. */
    @Transactional
    public void refreshAll(List<String> caseNumbers) {
        Map<String, FactStore.Derived> derived = facts.deriveRows(caseNumbers);
        Map<String, DeadlineOnset> onsets = cases.runningDeadlineOnsets(derived.entrySet().stream()
                .filter(e -> !e.getValue().fact().finished() && e.getValue().due()).map(Map.Entry::getKey).toList());
        for (String caseNumber : caseNumbers) {
            FactStore.Derived d = derived.get(caseNumber);
            if (d != null) {
                refresh(d, Optional.ofNullable(onsets.get(caseNumber)).map(FactUpdater::onset)
                        .orElse(FactStore.Onset.NONE));
            }
        }
    }

    private void refresh(FactStore.Derived d, FactStore.Onset onset) {
        CaseFact f = d.fact();
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
    }

    private static FactStore.Onset onset(DeadlineOnset o) {
        return new FactStore.Onset(o.yellowFrom(), o.redAfter(), o.dueDate());
    }
}
