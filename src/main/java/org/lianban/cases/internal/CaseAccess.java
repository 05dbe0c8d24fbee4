package org.lianban.cases.internal;

import org.lianban.cases.flow.FlowContext;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.lianban.identity.Jurisdiction;
import org.springframework.stereotype.Component;

/**
 * Who may see a case, asked of identity's {@link Jurisdiction}: its applicant; officials of the filing region or of a
 * region that handles a step of the flow; supervisors at or above the filing region. Everyone else gets 404.
 */
@Component
class CaseAccess {

    private final Jurisdiction jurisdiction;

    CaseAccess(Jurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    boolean mayView(CurrentUser user, String applicantUsername, String filingRegion, FlowContext ctx) {
        return user != null && user.role() != null
                && jurisdiction.mayView(user, applicantUsername, filingRegion, ctx.touchedRegions());
    }

    /** The applicant and the officials handling the case see personal data in full; supervisors see it masked. */
    boolean seesPersonalData(CurrentUser user) {
        return user.role() != Role.SUPERVISOR;
    }
}
