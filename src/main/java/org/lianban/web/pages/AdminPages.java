package org.lianban.web.pages;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;

import org.lianban.calendar.CalendarAdmin;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.GuideImporter;
import org.lianban.catalog.ImportResult;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog administrator's pages (事项管理员): matters and their versions, a matter's flow, the guide import (dry run,
 * every problem shown, then confirm) and the holiday calendar. {@code /admin/**} needs the ADMIN role (identity).
 */
@Controller
class AdminPages {

    /** The file of a successful dry run, kept in the session until the administrator confirms it. */
    record PendingImport(String filename, byte[] bytes, int created, int updated, int unchanged)
            implements Serializable {}

    static final String PENDING = "lianban.pendingImport";

    private final Catalog catalog;
    private final GuideImporter importer;
    private final CalendarAdmin calendar;
    private final MessageSource messages;

    AdminPages(Catalog catalog, GuideImporter importer, CalendarAdmin calendar, MessageSource messages) {
        this.catalog = catalog;
        this.importer = importer;
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/admin/catalog")
    String catalog(Model model) {
        List<MatterRow> rows = catalog.current().stream()
                .map(m -> new MatterRow(m, catalog.versions(m.code()).size())).toList();
        model.addAttribute("rows", rows);
        return "admin/catalog";
    }

    record MatterRow(MatterVersion current, int versions) {}

    @GetMapping("/admin/catalog/{code}")
    String matter(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
        List<MatterVersion> versions = catalog.versions(code);
        if (versions.isEmpty()) {
            throw ApiException.notFound("no such matter");
        }
        MatterVersion shown = version == null ? versions.getLast()
                : versions.stream().filter(v -> v.version() == version).findFirst()
                        .orElseThrow(() -> ApiException.notFound("no such matter"));
        model.addAttribute("versions", versions.reversed());
        model.addAttribute("m", shown);
        model.addAttribute("latest", shown.version() == versions.getLast().version());
        model.addAttribute("flow", FlowStep.of(shown.steps()));
        return "admin/matter";
    }

    @GetMapping("/admin/import")
    String importForm(HttpSession session, Model model) {
        session.removeAttribute(PENDING);
        return "admin/import";
    }

    /** Step 1: a dry run. Problems are listed all at once; a clean file waits in the session for confirmation. */
    @PostMapping("/admin/import")
    String dryRun(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
            Model model, Locale locale) throws IOException {
        session.removeAttribute(PENDING);
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", List.of(new FieldProblem("file", msg("admin.import.error.noFile", locale))));
            return "admin/import";
        }
        String filename = file.getOriginalFilename() == null ? "guide" : file.getOriginalFilename();
        byte[] bytes = file.getBytes();
        ImportResult result;
        try {
            result = importer.importGuide(filename, bytes, true);
        } catch (ApiException e) {
            model.addAttribute("errors", problems(e));
            model.addAttribute("filename", filename);
            return "admin/import";
        }
        model.addAttribute("filename", filename);
        if (!result.errors().isEmpty()) {
            model.addAttribute("fileProblems", result.errors());
            return "admin/import";
        }
        PendingImport pending = new PendingImport(filename, bytes, result.created(), result.updated(),
                result.unchanged());
        session.setAttribute(PENDING, pending);
        model.addAttribute("pending", pending);
        return "admin/import";
    }

    /** Step 2: the administrator confirms; the file is imported for real (validated again, all or nothing). */
    @PostMapping("/admin/import/confirm")
    String confirm(HttpSession session, RedirectAttributes redirect, Model model, Locale locale) {
        if (!(session.getAttribute(PENDING) instanceof PendingImport pending)) {
            model.addAttribute("errors", List.of(new FieldProblem("file", msg("admin.import.error.expired", locale))));
            return "admin/import";
        }
        session.removeAttribute(PENDING);
        ImportResult result;
        try {
            result = importer.importGuide(pending.filename(), pending.bytes(), false);
        } catch (ApiException e) {
            model.addAttribute("errors", problems(e));
            return "admin/import";
        }
        if (!result.errors().isEmpty()) {
            model.addAttribute("filename", pending.filename());
            model.addAttribute("fileProblems", result.errors());
            return "admin/import";
        }
        redirect.addFlashAttribute("imported", result);
        redirect.addFlashAttribute("filename", pending.filename());
        return "redirect:/admin/catalog";
    }

    @GetMapping("/admin/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("coverage", calendar.coverage());
        model.addAttribute("years", calendar.years());
        if (year != null) {
            model.addAttribute("shownYear", year);
            model.addAttribute("days", calendar.days(year));
        }
        if (!model.containsAttribute("year")) {
            model.addAttribute("year", calendar.coverage().missingYears().stream().findFirst().orElse(null));
        }
        return "admin/calendar";
    }

    /** Replaces one year's holidays and adjusted working days from a {@code date,kind,name} CSV. */
    @PostMapping("/admin/calendar")
    String uploadYear(@RequestParam(required = false) String year,
            @RequestParam(name = "file", required = false) MultipartFile file, CurrentUser user,
            RedirectAttributes redirect, Model model, Locale locale) throws IOException {
        List<FieldProblem> errors = new java.util.ArrayList<>();
        Integer y = null;
        try {
            y = year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (y == null || y < 2000 || y > 2100) {
            errors.add(new FieldProblem("year", msg("admin.calendar.error.year", locale)));
        }
        if (file == null || file.isEmpty()) {
            errors.add(new FieldProblem("file", msg("admin.calendar.error.noFile", locale)));
        }
        if (errors.isEmpty()) {
            try {
                String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
                CalendarAdmin.Year stored = calendar.replaceYear(y, calendar.readCsv(csv),
                        file.getOriginalFilename(), user.username());
                redirect.addFlashAttribute("stored", stored);
                return "redirect:/admin/calendar";
            } catch (ApiException e) {
                errors.addAll(problems(e).stream().map(p -> new FieldProblem("file", p.message())).toList());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("year", year);
        return calendar(null, model);
    }

    private static List<FieldProblem> problems(ApiException e) {
        if (e.errors().isEmpty()) {
            return List.of(new FieldProblem("file", e.getMessage()));
        }
        return e.errors().stream()
                .map(p -> new FieldProblem("file", p.field() == null ? p.message() : p.field() + ": " + p.message()))
                .toList();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
