package org.lianban.stats.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lianban.cases.CaseStatus;

/**
 * One case as statistics see it: a narrow copy of the case's own figures (row of {@code stats_case}). Working days
 * are held in hundredths ("centidays", 1.00 working day = 100) so that sums are exact integers.
 *
 * @param receivedOn China date of the first submission (收件): the period a case belongs to
 * @param finished true once the case reached a final state (or was approved with nothing left to issue)
 * @param workingCd the case's final working days ×100 (timeline figure), null until finished
 * @param onTime finished no later than its due time (null until finished or without a due time)
 * @param stepCd working days ×100 per step of the timeline, summed over repeated visits (returns), keyed
 *        "stepCode|partyCode|LEVEL"
 */
public record CaseFact(long caseId, String number, int caseVersion, String regionCode, String matterCode,
        long matterVersionId, String category, LocalDate receivedOn, CaseStatus status, boolean finished,
        Integer workingCd, Boolean onTime, Map<String, Integer> stepCd) {

    /** Decided and finished (办结): issued, approved with nothing to issue, or denied. */
    public boolean completed() {
        return finished && (status == CaseStatus.ISSUED || status == CaseStatus.APPROVED
                || status == CaseStatus.DENIED);
    }

    /** "code|party|LEVEL=cd;..." as stored in {@code stats_case.step_cd}. */
    public static String encodeSteps(Map<String, Integer> steps) {
        StringBuilder sb = new StringBuilder();
        steps.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    public static Map<String, Integer> decodeSteps(String s) {
        Map<String, Integer> steps = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return steps;
        }
        for (String part : s.split(";")) {
            int eq = part.lastIndexOf('=');
            steps.merge(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)), Integer::sum);
        }
        return steps;
    }
}
