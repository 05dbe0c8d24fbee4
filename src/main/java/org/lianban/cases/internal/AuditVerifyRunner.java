package org.lianban.cases.internal;

import org.lianban.cases.AuditReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Command-line audit check: {@code java -jar lianban.jar --lianban.audit.verify=true
 * --spring.main.web-application-type=none} walks every chain, prints the result and exits 0 (intact) or 1 (the first
 * broken link is printed).
 */
@Component
@ConditionalOnProperty(name = "lianban.audit.verify", havingValue = "true")
class AuditVerifyRunner implements ApplicationRunner {

    private final CaseServiceImpl cases;
    private final ConfigurableApplicationContext context;

    AuditVerifyRunner(CaseServiceImpl cases, ConfigurableApplicationContext context) {
        this.cases = cases;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditReport r = cases.verifyAudit();
        System.out.println(r.valid() ? "audit trail intact: " + r.checked() + " records checked"
                : "audit trail BROKEN at record " + r.firstBroken().id() + " of case " + r.firstBroken().caseNumber()
                        + " (" + r.checked() + " records checked)");
        int code = SpringApplication.exit(context, () -> r.valid() ? 0 : 1);
        System.exit(code);
    }
}
