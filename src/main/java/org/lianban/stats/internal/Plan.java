package org.lianban.stats.internal;

import java.time.Instant;
import java.util.List;

/**
 * One simulated case, written down before it is played: what is filed where and when, then every action with its
 * time and actor. The service driver plays it through the case service; the bulk writer computes the same rows.
 */
public record Plan(String matterCode, long matterVersionId, String regionCode, String applicant, Instant receivedAt,
        List<Act> acts) {

    public enum Kind { SUBMIT, RESUBMIT, ACTION }

    /**
     * @param username the demo user acting (applicant, or role@region)
     * @param action a {@link org.lianban.cases.CaseAction} name for {@link Kind#ACTION}
     * @param missing materials asked for (REQUEST_SUPPLEMENT) or handed in again (RESUBMIT)
     */
    public record Act(Instant at, Kind kind, String username, String action, String opinion, List<String> missing,
            String procedure, String returnTo) {

        static Act of(Instant at, String username, String action, String opinion) {
            return new Act(at, Kind.ACTION, username, action, opinion, List.of(), null, null);
        }
    }
}
