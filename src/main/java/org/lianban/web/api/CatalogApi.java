package org.lianban.web.api;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.lianban.catalog.Catalog;
import org.lianban.catalog.FormField;
import org.lianban.catalog.GuideImporter;
import org.lianban.catalog.GuideNotes;
import org.lianban.catalog.ImportResult;
import org.lianban.catalog.Material;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.Step;
import org.lianban.common.ApiException;
import org.lianban.common.Level;
import org.lianban.common.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The matter catalog and service guides (API.md "Resources": /matters, /admin/guides/import). */
@RestController
@RequestMapping("/api/v1")
class CatalogApi {

    record MatterSummary(String code, String name, String category, Level decidingLevel, int promisedDays,
            int statutoryDays) {}

    record Guide(String code, String name, String category, Level decidingLevel, int promisedDays,
            int statutoryDays, boolean promisedDaysIsDemo, String department, String legalBasis, String fees,
            Set<Level> filingLevels, List<Material> materials, List<FormField> fields, List<Step> steps,
            int version, Instant publishedAt, String notes) {}

    record VersionSummary(int version, Instant publishedAt, String name, int promisedDays, int statutoryDays) {}

    private final Catalog catalog;
    private final GuideImporter importer;
    private final GuideNotes notes;

    CatalogApi(Catalog catalog, GuideImporter importer, GuideNotes notes) {
        this.catalog = catalog;
        this.importer = importer;
        this.notes = notes;
    }

    @GetMapping("/matters")
    List<MatterSummary> matters(@RequestParam(required = false) String category,
            @RequestParam(required = false) String q) {
        String needle = q == null ? null : q.strip().toLowerCase(Locale.ROOT);
        return catalog.current().stream()
                .filter(m -> category == null || category.isBlank() || m.category().equals(category))
                .filter(m -> needle == null || needle.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(needle)
                        || m.code().toLowerCase(Locale.ROOT).contains(needle))
                .map(m -> new MatterSummary(m.code(), m.name(), m.category(), m.decidingLevel(), m.promisedDays(),
                        m.statutoryDays()))
                .toList();
    }

    @GetMapping("/matters/{code}")
    Guide matter(@PathVariable String code, @RequestParam(required = false) Integer version) {
        MatterVersion m = version == null
                ? catalog.current(code).orElseThrow(() -> unknown(code))
                : catalog.versions(code).stream().filter(v -> v.version() == version).findFirst()
                        .orElseThrow(() -> ApiException.notFound("Matter " + code + " has no version " + version
                                + "."));
        return new Guide(m.code(), m.name(), m.category(), m.decidingLevel(), m.promisedDays(), m.statutoryDays(),
                m.promisedDaysIsDemo(), m.department(), m.legalBasis(), m.fees(), m.filingLevels(), m.materials(),
                m.fields(), m.steps(), m.version(), m.publishedAt(), notes.notes(m.id()).orElse(null));
    }

    @GetMapping("/matters/{code}/versions")
    List<VersionSummary> versions(@PathVariable String code) {
        List<MatterVersion> versions = catalog.versions(code);
        if (versions.isEmpty()) {
            throw unknown(code);
        }
        return versions.stream()
                .map(v -> new VersionSummary(v.version(), v.publishedAt(), v.name(), v.promisedDays(),
                        v.statutoryDays()))
                .toList();
    }

    /** Imports a guide file; with validation errors: 422 carrying the (zero) counts and every error. */
    @PostMapping("/admin/guides/import")
    ResponseEntity<?> importGuide(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        ImportResult result = importer.importGuide(file.getOriginalFilename(), file.getBytes(), dryRun);
        if (result.errors().isEmpty()) {
            return ResponseEntity.ok(result);
        }
        ProblemDetail p = ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "The file has "
                + result.errors().size() + " problem(s); nothing was changed. Fix them and import it again.",
                result.errors());
        p.setProperty("created", 0);
        p.setProperty("updated", 0);
        p.setProperty("unchanged", 0);
        return ResponseEntity.unprocessableContent().body(p);
    }

    private static ApiException unknown(String code) {
        return ApiException.notFound("There is no matter with code " + code + ".");
    }
}
