package org.lianban.stats.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lianban.cases.ActionRequest;
import org.lianban.cases.Applicant;
import org.lianban.cases.CaseService;
import org.lianban.cases.CaseView;
import org.lianban.cases.NewCase;
import org.lianban.catalog.FormField;
import org.lianban.catalog.Material;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.ApiException;
import org.lianban.common.ClockConfig;
import org.lianban.identity.CurrentUser;
import org.lianban.identity.Users;
import org.springframework.stereotype.Component;

/**
 * Plays a {@link Plan} through the real case service, each call with the clock at the action's time
 * ({@link CaseService#at}): the case gets its real timeline, audit trail and events.
 */
@Component
public class ServiceDriver {

    /** A demo company (统一社会信用代码 with a valid check character) and a demo mobile number. */
    static final Applicant COMPANY = new Applicant("山西示范建设有限公司", "USCC", "91140105MA0GRX121J", "13812341234");

    private final CaseService cases;
    private final Users users;

    public ServiceDriver(CaseService cases, Users users) {
        this.cases = cases;
        this.users = users;
    }

    /**
     * @return the case number
     * @throws IllegalStateException naming the refused action and the service's reasons
     */
    public String play(Plan plan, MatterVersion matter) {
        try {
            return playUnchecked(plan, matter);
        } catch (ApiException e) {
            throw new IllegalStateException("Simulated case of " + plan.matterCode() + " at " + plan.regionCode()
                    + " refused by the case service: " + e.getMessage() + " " + e.errors(), e);
        }
    }

    private String playUnchecked(Plan plan, MatterVersion matter) {
        CurrentUser applicant = user(plan.applicant());
        Plan.Act first = plan.acts().getFirst();
        CaseService svc = cases.at(first.at());
        CaseView v = svc.create(applicant, new NewCase(matter.code(), plan.regionCode(), COMPANY,
                form(matter, plan)), null);
        String number = v.number();
        for (Material m : matter.materials()) {
            if (m.required()) {
                svc.uploadMaterial(applicant, number, m.code(), m.code() + ".pdf", pdf(number + m.code()));
            }
        }
        v = svc.submit(applicant, number, null);
        for (Plan.Act a : plan.acts().subList(1, plan.acts().size())) {
            svc = cases.at(a.at());
            CurrentUser actor = user(a.username());
            v = switch (a.kind()) {
                case RESUBMIT -> {
                    for (String code : a.missing()) {
                        svc.uploadMaterial(actor, number, code, code + "-2.pdf", pdf(number + code + "2"));
                    }
                    yield svc.submit(actor, number, null);
                }
                case ACTION -> svc.act(actor, number, new ActionRequest(a.action(), v.version(), a.opinion(),
                        a.missing().isEmpty() ? null : a.missing(), a.procedure(), a.returnTo(), null), null);
                case SUBMIT -> throw new IllegalStateException("a plan submits once, first");
            };
        }
        return number;
    }

    private CurrentUser user(String username) {
        return users.find(username).orElseThrow(() -> new IllegalStateException(
                "Demo user " + username + " is missing: the simulator runs with the demo profile."));
    }

    private static Map<String, Object> form(MatterVersion matter, Plan plan) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (FormField f : matter.fields()) {
            form.put(f.code(), switch (f.type()) {
                case NUMBER -> 12.5;
                case DATE -> LocalDate.ofInstant(plan.receivedAt(), ClockConfig.CHINA).toString();
                case REGION -> plan.regionCode();
                case TEXT -> "模拟项目" + plan.regionCode();
            });
        }
        return form;
    }

    /** A minimal valid PDF (the file store checks the type by content). */
    static ByteArrayInputStream pdf(String text) {
        return new ByteArrayInputStream(("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << "
                + "/Type /Pages /Kids [] /Count 0 >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII));
    }
}
