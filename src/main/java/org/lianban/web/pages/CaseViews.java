package org.lianban.web.pages;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.lianban.cases.Applicant;
import org.lianban.cases.CaseAction;
import org.lianban.cases.CaseStatus;
import org.lianban.cases.Warning;
import org.lianban.catalog.FormField;

/**
 * What the case pages show, in the pages' own terms: the templates depend on these records only, and the page
 * controllers fill them from the cases and documents modules.
 */
public final class CaseViews {

    private CaseViews() {}

    public record CasePage(String number, String matterCode, String matterName, String regionName, CaseStatus status,
            String currentStepCode, String currentStepName, String currentLevel, String currentRegionName,
            LocalDate dueDate, BigDecimal workingDaysUsed, long version, String queryCode, Warning warning,
            Applicant applicant, List<FormValue> form, List<MaterialRow> materials, List<TimelineRow> timeline,
            List<DocumentRow> documents, Set<CaseAction> actions, List<StepChoice> returnTargets,
            String lastOpinion) {

        /** May the viewer take this action now? (by name, for templates) */
        public boolean can(String action) {
            return actions.stream().anyMatch(a -> a.name().equals(action));
        }

        public boolean missingAny() {
            return materials.stream().anyMatch(MaterialRow::missing);
        }
    }

    public record FormValue(FormField field, String value) {}

    /**
     * A material of the case: what the guide asks for and what was handed in.
     *
     * @param missing asked for in a supplement request (补正), or required and not yet uploaded to a draft
     */
    public record MaterialRow(String code, String name, boolean required, String filename, Long size, String contentType,
            String url, boolean missing) {

        public boolean uploaded() {
            return filename != null;
        }

        public boolean pdf() {
            return contentType != null && contentType.equals("application/pdf");
        }

        public boolean image() {
            return contentType != null && contentType.startsWith("image/");
        }
    }

    public record TimelineRow(String stepName, String level, String regionName, String actor, Instant startedAt,
            Instant finishedAt, String outcome, String opinion, BigDecimal workingDays) {}

    public record DocumentRow(String kind, String number, Instant issuedAt, String url, String verificationCode) {}

    public record StepChoice(String code, String name) {}

    public record TaskRow(String number, String matterCode, String matterName, String regionName, String stepName,
            Instant since, Instant dueAt, Warning warning) {}

    /** Public progress (办件进度): nothing personal. */
    public record Progress(String number, String matterName, CaseStatus status, String currentStepName, String currentLevel,
            LocalDate dueDate, List<TimelineRow> steps) {}

}
