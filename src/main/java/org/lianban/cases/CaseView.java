package org.lianban.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A case as {@code GET /cases/{number}} shows it to the caller. The applicant's ID number and phone are shown in
 * full to the applicant and to the officials whose region handles the case, masked for supervisors.
 *
 * @param allowedActions what the caller may do now ({@code SUBMIT} included for the applicant when possible)
 * @param missing material codes of a running supplement request (补正)
 * @param warning null once the case is finished
 */
public record CaseView(String number, String matterCode, String matterName, int matterVersion, String regionCode,
        String decidingRegionCode, CaseStatus status, CurrentStep currentStep, LocalDate dueDate, Instant dueAt,
        BigDecimal workingDaysUsed, int promisedDays, int extensionDays, Warning warning, int version,
        String queryCode, Applicant applicant, Map<String, String> form, List<MaterialInfo> materials,
        List<String> allowedActions, List<String> missing, String suspendedProcedure, Instant createdAt,
        Instant submittedAt, Instant acceptedAt, Instant decidedAt, Instant finishedAt) {

    /**
     * The step the case waits at: {@code regionCode} handles it (for a joint review, the step's own level);
     * {@code pendingRegions} are the regions whose task is still open (every pending party of a joint review).
     */
    public record CurrentStep(String code, String name, String kind, String level, String regionCode,
            Instant startedAt, Instant dueAt, List<String> pendingRegions) {}
}
