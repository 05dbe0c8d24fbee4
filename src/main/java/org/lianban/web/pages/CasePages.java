package org.lianban.web.pages;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lianban.cases.CaseAction;
import org.lianban.cases.CaseService;
import org.lianban.cases.CaseStatus;
import org.lianban.cases.CaseView;
import org.lianban.cases.MaterialInfo;
import org.lianban.cases.PublicProgress;
import org.lianban.cases.TimelineEntry;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.FieldType;
import org.lianban.catalog.Material;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.Step;
import org.lianban.documents.Documents;
import org.lianban.identity.CurrentUser;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.lianban.web.pages.CaseViews.CasePage;
import org.lianban.web.pages.CaseViews.DocumentRow;
import org.lianban.web.pages.CaseViews.FormValue;
import org.lianban.web.pages.CaseViews.MaterialRow;
import org.lianban.web.pages.CaseViews.Progress;
import org.lianban.web.pages.CaseViews.StepChoice;
import org.lianban.web.pages.CaseViews.TimelineRow;
import org.springframework.stereotype.Component;

/** Builds the case pages' view ({@link CasePage}) from the cases, catalog, documents and region modules. */
@Component
class CasePages {

    private final CaseService cases;
    private final Catalog catalog;
    private final Documents documents;
    private final Regions regions;

    CasePages(CaseService cases, Catalog catalog, Documents documents, Regions regions) {
        this.cases = cases;
        this.catalog = catalog;
        this.documents = documents;
        this.regions = regions;
    }

    /** The case as {@code user} may see it (404 problem otherwise), with its timeline, materials and documents. */
    CasePage load(CurrentUser user, String number) {
        CaseView v = cases.view(user, number);
        MatterVersion matter = catalog.versions(v.matterCode()).stream()
                .filter(m -> m.version() == v.matterVersion()).findFirst()
                .orElseGet(() -> catalog.current(v.matterCode()).orElseThrow());
        List<TimelineEntry> entries = cases.timeline(user, number);
        List<TimelineRow> timeline = entries.stream().map(t -> row(t, matter)).toList();
        List<DocumentRow> docs = documents.forCase(number, user).stream()
                .map(d -> new DocumentRow(d.kind().name(), d.number(), d.issuedAt(), "/files/documents/" + d.id(),
                        d.verificationCode()))
                .toList();
        List<FormValue> form = matter.fields().stream()
                .filter(f -> v.form() != null && v.form().get(f.code()) != null)
                .map(f -> new FormValue(f, f.type() == FieldType.REGION ? regionName(v.form().get(f.code()))
                        : v.form().get(f.code())))
                .toList();
        Map<String, MaterialInfo> uploaded = new java.util.HashMap<>();
        if (v.materials() != null) {
            v.materials().forEach(m -> uploaded.put(m.materialCode(), m));
        }
        List<MaterialRow> materials = new ArrayList<>();
        for (Material m : matter.materials()) {
            MaterialInfo info = uploaded.get(m.code());
            boolean missing = v.status() == CaseStatus.SUPPLEMENT_REQUESTED
                    ? v.missing() != null && v.missing().contains(m.code())
                    : v.status() == CaseStatus.DRAFT && m.required() && info == null;
            materials.add(new MaterialRow(m.code(), m.name(), m.required(), info == null ? null : info.filename(),
                    info == null ? null : info.size(), info == null ? null : info.contentType(),
                    "/files/cases/" + v.number() + "/materials/" + m.code(), missing));
        }
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        for (String a : v.allowedActions() == null ? List.<String>of() : v.allowedActions()) {
            try {
                actions.add(CaseAction.valueOf(a));
            } catch (IllegalArgumentException e) {
                // SUBMIT is the applicant's button on the page, not an action form
            }
        }
        CaseView.CurrentStep step = v.currentStep();
        List<StepChoice> returnTargets = new ArrayList<>();
        if (step != null) {
            for (Step s : matter.steps()) {
                if (s.code().equals(step.code())) {
                    break;
                }
                returnTargets.add(new StepChoice(s.code(), s.name()));
            }
        }
        String lastOpinion = timeline.stream().filter(t -> "REQUEST_SUPPLEMENT".equals(t.outcome()))
                .reduce((a, b) -> b).map(TimelineRow::opinion).orElse(null);
        return new CasePage(v.number(), v.matterCode(), v.matterName(), regionName(v.regionCode()), v.status(),
                step == null ? null : step.code(), step == null ? null : step.name(),
                step == null ? null : step.level(), step == null ? null : regionName(step.regionCode()),
                v.dueDate(), v.workingDaysUsed(), v.version(), v.queryCode(), v.warning(), v.applicant(), form,
                materials, timeline, docs, actions, returnTargets, lastOpinion);
    }

    Progress progress(PublicProgress p) {
        List<TimelineRow> steps = p.steps().stream()
                .map(s -> new TimelineRow(s.stepName(), s.level(), null, null, s.startedAt(), s.finishedAt(),
                        s.outcome(), null, s.workingDays()))
                .toList();
        return new Progress(p.number(), p.matterName(), p.status(), p.currentStepName(), p.currentStepLevel(),
                p.dueDate(), steps);
    }

    String regionName(String code) {
        return code == null ? null : regions.find(code).map(Region::name).orElse(code);
    }

    private TimelineRow row(TimelineEntry t, MatterVersion matter) {
        return new TimelineRow(t.stepName(), t.level(), regionName(t.regionCode()), t.actor(), t.startedAt(),
                t.finishedAt(), t.outcome(), readable(t.opinion(), matter), t.workingDays());
    }

    /** A supplement request is recorded as {@code missing=M01,M02; text}: show the materials' names instead. */
    private static String readable(String opinion, MatterVersion matter) {
        if (opinion == null || !opinion.startsWith("missing=")) {
            return opinion;
        }
        int semi = opinion.indexOf(';');
        String codes = semi < 0 ? opinion.substring(8) : opinion.substring(8, semi);
        String names = java.util.Arrays.stream(codes.split(",")).map(String::strip)
                .map(c -> matter.material(c).map(Material::name).orElse(c))
                .collect(java.util.stream.Collectors.joining(", "));
        return semi < 0 ? names : names + ": " + opinion.substring(semi + 1).strip();
    }
}
