package org.lianban.notify.internal;

import java.util.Optional;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.Cases;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.Material;
import org.springframework.stereotype.Component;

/** {@link CaseFacts} from the cases and catalog modules. */
@Component
class SpringCaseFacts implements CaseFacts {

    private final Cases cases;
    private final Catalog catalog;

    SpringCaseFacts(Cases cases, Catalog catalog) {
        this.cases = cases;
        this.catalog = catalog;
    }

    @Override
    public Optional<CaseDetails> find(String caseNumber) {
        return cases.find(caseNumber);
    }

    @Override
    public String materialName(long matterVersionId, String materialCode) {
        return catalog.version(matterVersionId).material(materialCode).map(Material::name).orElse(materialCode);
    }
}
