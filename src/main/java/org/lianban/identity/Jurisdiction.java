package org.lianban.identity;

import java.util.Collection;

import org.lianban.common.Role;
import org.lianban.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Who may act on or see what (管辖): the one place other modules ask. Officials act only for their own region and
 * role; supervisors (监察人员) see their region and everything below it; the catalog administrator has no case access.
 */
@Component
public class Jurisdiction {

    private final Regions regions;

    public Jurisdiction(Regions regions) {
        this.regions = regions;
    }

    /** The user is an official of exactly {@code handlingRegionCode} with {@code role}: the step's task is theirs. */
    public boolean handles(CurrentUser u, String handlingRegionCode, Role role) {
        return u.role() == role && role.isOfficial() && handlingRegionCode != null
                && handlingRegionCode.equals(u.regionCode());
    }

    /** The user is a supervisor whose region is {@code regionCode} or one of its ancestors. */
    public boolean oversees(CurrentUser u, String regionCode) {
        return u.role() == Role.SUPERVISOR && u.regionCode() != null && regionCode != null
                && regions.isWithin(regionCode, u.regionCode());
    }

    /**
     * May the user see a case? Its applicant; an official of the filing region or of a region the flow touches
     * (the filing region's ancestors that handle a step); a supervisor at or above the filing region.
     */
    public boolean mayView(CurrentUser u, String applicantUsername, String filingRegionCode,
            Collection<String> regionsTheFlowTouches) {
        return switch (u.role()) {
            case APPLICANT -> u.username().equals(applicantUsername);
            case CLERK, REVIEWER, APPROVER -> u.regionCode() != null
                    && (u.regionCode().equals(filingRegionCode) || regionsTheFlowTouches.contains(u.regionCode()));
            case SUPERVISOR -> oversees(u, filingRegionCode);
            case ADMIN -> false;
        };
    }
}
