package org.lianban.documents.internal;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.Cases;
import org.lianban.common.ApiException;
import org.lianban.identity.CurrentUser;
import org.lianban.region.Regions;
import org.springframework.stereotype.Component;

/** Who may see a case's documents: whoever may see the case. */
@Component
class CaseAccess {

    private final Cases cases;
    private final Regions regions;

    CaseAccess(Cases cases, Regions regions) {
        this.cases = cases;
        this.regions = regions;
    }

    /** The case, or 404 when it is unknown or the user may not see it (existence is never revealed). */
    CaseDetails requireVisible(String number, CurrentUser user) {
        return cases.find(number).filter(c -> mayView(user, c))
                .orElseThrow(() -> ApiException.notFound("No case " + number + "."));
    }

    /**
     * The applicant; an official of a region on the case's path (the filing region up to the deciding region); a
     * supervisor at or above the filing region.
     */
    private boolean mayView(CurrentUser u, CaseDetails c) {
        String r = u.regionCode();
        return switch (u.role()) {
            case APPLICANT -> u.username().equals(c.applicantUsername());
            case CLERK, REVIEWER, APPROVER -> r != null && regions.isWithin(c.regionCode(), r)
                    && regions.isWithin(r, c.decidingRegionCode());
            case SUPERVISOR -> r != null && regions.isWithin(c.regionCode(), r);
            case ADMIN -> false;
        };
    }
}
