package org.lianban.cases;

import java.time.Instant;
import java.time.LocalDate;

/** A line of the applicant's list of cases ({@code GET /cases?mine=true}). */
public record CaseSummary(String number, String matterCode, String matterName, String regionCode, CaseStatus status,
        String currentStepName, Instant createdAt, LocalDate dueDate, String queryCode) {}
