package org.lianban.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What other modules (documents, notify, stats) may read of a case. Personal data inside: callers must not log it.
 *
 * @param matterVersionId the catalog version the case was filed under
 * @param decidingRegionCode region whose authority decides (ancestor of the filing region at the deciding level)
 */
public record CaseDetails(String number, String matterCode, long matterVersionId, String matterName,
        String regionCode, String decidingRegionCode, CaseStatus status, String applicantUsername,
        Applicant applicant, Map<String, String> form, String queryCode, Instant createdAt, Instant submittedAt,
        Instant acceptedAt, Instant decidedAt, LocalDate dueDate, int extensionDays) {}
