package org.lianban.cases;

/** What an official or the applicant can do to a case ({@code POST /cases/{number}/actions}). */
public enum CaseAction {
    ACCEPT, REFUSE, REQUEST_SUPPLEMENT, PASS, RETURN, SUSPEND, RESUME, EXTEND, APPROVE, DENY, ISSUE, WITHDRAW
}
