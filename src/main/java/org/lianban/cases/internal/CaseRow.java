package org.lianban.cases.internal;

import java.time.Instant;

import org.lianban.cases.Applicant;
import org.lianban.cases.flow.FlowState;

/** One {@code case_file} row: identity, applicant and form, the flow state, the optimistic version, the audit head. */
record CaseRow(long id, String number, String matterCode, long matterVersionId, String regionCode,
        String decidingRegionCode, String applicantUsername, Applicant applicant, String formJson, String queryCode,
        int version, Instant createdAt, FlowState state, String auditHead) {}
