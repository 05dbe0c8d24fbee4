package org.lianban.cases;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.lianban.identity.CurrentUser;

/**
 * Applying for and handling cases, as the REST API and pages use it. Every call is checked against the caller:
 * a case the caller may not see is 404, a step that is not theirs 403, a state that does not allow it 422.
 * {@code idempotencyKey} (nullable) makes a retry return the first answer.
 */
public interface CaseService {

    /** The same service with the clock fixed at {@code now} (tests, the history simulator). */
    CaseService at(Instant now);

    CaseView create(CurrentUser user, NewCase request, String idempotencyKey);

    MaterialInfo uploadMaterial(CurrentUser user, String number, String materialCode, String filename,
            InputStream content);

    MaterialFile openMaterial(CurrentUser user, String number, String materialCode, Integer version);

    CaseView submit(CurrentUser user, String number, String idempotencyKey);

    CaseView act(CurrentUser user, String number, ActionRequest request, String idempotencyKey);

    CaseView view(CurrentUser user, String number);

    List<TimelineEntry> timeline(CurrentUser user, String number);

    List<CaseSummary> mine(CurrentUser user);

    /** Open tasks of the caller's region and role, oldest first; {@code matter}/{@code region} filter (nullable). */
    List<TaskItem> tasks(CurrentUser user, String matter, String region, int limit);

    PublicProgress progress(String number, String queryCode);

    /**
     * 《行政许可法》第32条: accepts (as of their receipt) up to {@code limit} cases received 5 working days ago without
     * a notice; returns how many. The scheduled job calls it; so can the history simulator (with {@link #at}).
     */
    int acceptDueBySilence(int limit);

    /** Walks every audit chain (SUPERVISOR or ADMIN). */
    AuditReport verifyAudit(CurrentUser user);
}
