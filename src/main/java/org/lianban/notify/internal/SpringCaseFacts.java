package org.lianban.notify.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.cases.CaseDetails;
import org.lianban.cases.Cases;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.Material;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@link CaseFacts} from the cases, catalog and calendar modules. Resolved lazily: the notify module starts (and its
 * outbox keeps working) even where a module's implementation is absent; an event that needs it then fails and stays
 * in the event publication registry to be retried.
 */
@Component
class SpringCaseFacts implements CaseFacts {

    private final ObjectProvider<Cases> cases;
    private final ObjectProvider<Catalog> catalog;
    private final ObjectProvider<WorkingCalendar> calendar;

    SpringCaseFacts(ObjectProvider<Cases> cases, ObjectProvider<Catalog> catalog,
            ObjectProvider<WorkingCalendar> calendar) {
        this.cases = cases;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    @Override
    public Optional<CaseDetails> find(String caseNumber) {
        return cases.getObject().find(caseNumber);
    }

    @Override
    public String materialName(long matterVersionId, String materialCode) {
        return catalog.getObject().version(matterVersionId).material(materialCode).map(Material::name)
                .orElse(materialCode);
    }

    @Override
    public LocalDate workingDaysAfter(LocalDate start, int days) {
        return calendar.getObject().deadline(start, days);
    }
}
