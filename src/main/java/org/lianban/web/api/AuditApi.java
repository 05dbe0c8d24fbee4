package org.lianban.web.api;

import org.lianban.cases.AuditReport;
import org.lianban.cases.CaseService;
import org.lianban.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks the audit trail's hash chains (supervisors, administrators). */
@RestController
class AuditApi {

    private final CaseService cases;

    AuditApi(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping("/api/v1/audit/verify")
    AuditReport verify(CurrentUser user) {
        return cases.verifyAudit(user);
    }
}
