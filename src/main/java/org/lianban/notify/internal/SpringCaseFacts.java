package org.lianban.notify.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.cases.CaseDetails;
import org.lianban.cases.Cases;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.Material;
import org.springframework.stereotype.Component;

/** {@link CaseFacts} from the cases, catalog and calendar modules. */
@Component
class SpringCaseFacts implements CaseFacts {

    private final Cases cases;
    private final Catalog catalog;
    private final WorkingCalendar calendar;

    SpringCaseFacts(Cases cases, Catalog catalog, WorkingCalendar calendar) {
        this.cases = cases;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    @Override
    public Optional<CaseDetails> find(String caseNumber) {
        return cases.find(caseNumber);
    }

    @Override
    public String materialName(long matterVersionId, String materialCode) {
        return catalog.version(matterVersionId).material(materialCode).map(Material::name).orElse(materialCode);
    }

    @Override
    public LocalDate workingDaysAfter(LocalDate start, int days) {
        return calendar.deadline(start, days);
    }
}
