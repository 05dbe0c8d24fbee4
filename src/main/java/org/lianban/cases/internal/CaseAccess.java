package org.lianban.cases.internal;

import org.lianban.cases.flow.FlowContext;
import org.lianban.identity.CurrentUser;
import org.lianban.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: its applicant; officials of a region the flow touches (the filing county and the ancestors
 * that handle a step); supervisors at or above the filing region. Everyone else gets 404.
 */
@Component
class CaseAccess {

    private final Regions regions;

    CaseAccess(Regions regions) {
        this.regions = regions;
    }

    boolean mayView(CurrentUser user, String applicantUsername, String filingRegion, FlowContext ctx) {
        if (user == null || user.role() == null) {
            return false;
        }
        return switch (user.role()) {
            case APPLICANT -> user.username().equals(applicantUsername);
            case CLERK, REVIEWER, APPROVER -> user.regionCode() != null
                    && ctx.touchedRegions().contains(user.regionCode());
            case SUPERVISOR -> user.regionCode() != null && regions.isWithin(filingRegion, user.regionCode());
            case ADMIN -> false;
        };
    }

    /** Officials handling the case and the applicant see personal data in full; supervisors see it masked. */
    boolean seesPersonalData(CurrentUser user) {
        return user.role() != org.lianban.common.Role.SUPERVISOR;
    }
}
