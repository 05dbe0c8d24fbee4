package org.lianban.documents.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.Cases;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.common.ApiException;
import org.lianban.identity.CurrentUser;
import org.lianban.identity.Jurisdiction;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.springframework.stereotype.Component;

/** Who may see a case's documents: whoever may see the case ({@link Jurisdiction#mayView}). */
@Component
class CaseAccess {

    private final Cases cases;
    private final Catalog catalog;
    private final Regions regions;
    private final Jurisdiction jurisdiction;

    CaseAccess(Cases cases, Catalog catalog, Regions regions, Jurisdiction jurisdiction) {
        this.cases = cases;
        this.catalog = catalog;
        this.regions = regions;
        this.jurisdiction = jurisdiction;
    }

    /** The case, or 404 when it is unknown or the user may not see it (existence is never revealed). */
    CaseDetails requireVisible(String number, CurrentUser user) {
        return cases.find(number)
                .filter(c -> jurisdiction.mayView(user, c.applicantUsername(), c.regionCode(), touchedRegions(c)))
                .orElseThrow(() -> ApiException.notFound("No case " + number + "."));
    }

    /** The filing region's ancestors at the levels of the flow's steps (and joint-review parties). */
    private Set<String> touchedRegions(CaseDetails c) {
        Set<String> out = new LinkedHashSet<>();
        out.add(c.decidingRegionCode());
        for (Step s : catalog.version(c.matterVersionId()).steps()) {
            if (s.level() != null) {
                regions.ancestorAt(c.regionCode(), s.level()).map(Region::code).ifPresent(out::add);
            }
            for (Party p : s.parties()) {
                regions.ancestorAt(c.regionCode(), p.level()).map(Region::code).ifPresent(out::add);
            }
        }
        return out;
    }
}
