package org.lianban.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lianban.cases.Applicant;
import org.lianban.cases.CaseService;
import org.lianban.cases.CaseView;
import org.lianban.cases.NewCase;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.FormField;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.common.FileLimits;
import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.lianban.identity.CurrentUsers;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's pages (申请人): apply for a matter, upload materials (also for a supplement, 补正), submit, follow the
 * case, download its documents, withdraw. Every change is a post followed by a redirect (post/redirect/get).
 */
@Controller
class ApplicantPages {

    private final CaseService cases;
    private final CasePages pages;
    private final Catalog catalog;
    private final Regions regions;
    private final CurrentUsers currentUsers;
    private final FileLimits limits;
    private final MessageSource messages;

    ApplicantPages(CaseService cases, CasePages pages, Catalog catalog, Regions regions, CurrentUsers currentUsers,
            FileLimits limits, MessageSource messages) {
        this.cases = cases;
        this.pages = pages;
        this.catalog = catalog;
        this.regions = regions;
        this.currentUsers = currentUsers;
        this.limits = limits;
        this.messages = messages;
    }

    /** Regions grouped under their city, for the "where to apply" choice. */
    public record RegionGroup(String name, List<Region> regions) {}

    /**
     * {@code /matters/**} is public (the guide), so the apply form checks sign-in itself: an anonymous visitor is sent
     * to the sign-in page and comes back here afterwards.
     */
    private CurrentUser applicant() {
        CurrentUser user = currentUsers.current().orElseThrow(() -> new AccessDeniedException("sign in first"));
        if (!user.is(Role.APPLICANT)) {
            throw ApiException.forbidden("only applicants apply");
        }
        return user;
    }

    @GetMapping("/matters/{code}/apply")
    String applyForm(@PathVariable String code, Model model) {
        applicant();
        MatterVersion m = matter(code);
        return applyPage(m, Map.of(), List.of(), model);
    }

    @PostMapping("/matters/{code}/apply")
    String apply(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect, Locale locale) {
        CurrentUser user = applicant();
        MatterVersion m = matter(code);
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.getFirst().strip()));
        List<FieldProblem> errors = new ArrayList<>();
        if (blank(values.get("regionCode"))) {
            errors.add(new FieldProblem("regionCode", msg("apply.error.region", locale)));
        }
        requireText(values, "applicantName", msg("apply.applicant.name", locale), errors, locale);
        requireText(values, "idNumber", msg("apply.applicant.idNumber", locale), errors, locale);
        requireText(values, "phone", msg("apply.applicant.phone", locale), errors, locale);
        Map<String, Object> form = new LinkedHashMap<>();
        for (FormField f : m.fields()) {
            String value = values.get("field_" + f.code());
            if (f.required() && blank(value)) {
                errors.add(new FieldProblem("field_" + f.code(), messages.getMessage("apply.error.required",
                        new Object[] {f.name()}, locale)));
            } else if (!blank(value)) {
                form.put(f.code(), value);
            }
        }
        if (errors.isEmpty()) {
            Applicant applicant = new Applicant(values.get("applicantName"),
                    blank(values.get("idType")) ? "USCC" : values.get("idType"), values.get("idNumber"),
                    values.get("phone"));
            try {
                CaseView created = cases.create(user, new NewCase(m.code(), values.get("regionCode"), applicant, form),
                        values.get("idempotencyKey"));
                redirect.addFlashAttribute("done", "created");
                return "redirect:/my/cases/" + created.number();
            } catch (ApiException e) {
                if (e.status() != HttpStatus.BAD_REQUEST || e.errors().isEmpty()) {
                    throw e;
                }
                e.errors().forEach(p -> errors.add(new FieldProblem(formField(p.field()), localized(p, locale))));
            }
        }
        return applyPage(m, values, errors, model);
    }

    private String applyPage(MatterVersion m, Map<String, String> values, List<FieldProblem> errors, Model model) {
        model.addAttribute("m", m);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("regionGroups", regionGroups(m));
        model.addAttribute("idempotencyKey", values.getOrDefault("idempotencyKey", java.util.UUID.randomUUID().toString()));
        return "apply";
    }

    /** Where the matter may be filed: its filing levels' regions, counties grouped by their city. */
    private List<RegionGroup> regionGroups(MatterVersion m) {
        List<RegionGroup> groups = new ArrayList<>();
        if (m.filingLevels().contains(Level.PROVINCE)) {
            groups.add(new RegionGroup(regions.province().name(), List.of(regions.province())));
        }
        for (Region city : regions.children(regions.province().code())) {
            List<Region> options = new ArrayList<>();
            if (m.filingLevels().contains(Level.CITY)) {
                options.add(city);
            }
            if (m.filingLevels().contains(Level.COUNTY)) {
                options.addAll(regions.children(city.code()));
            }
            if (!options.isEmpty()) {
                groups.add(new RegionGroup(city.name(), options));
            }
        }
        return groups;
    }

    @GetMapping("/my/cases")
    String myCases(CurrentUser user, Model model) {
        model.addAttribute("rows", cases.mine(user));
        return "my/cases";
    }

    @GetMapping("/my/cases/{number}")
    String myCase(@PathVariable String number, CurrentUser user, Model model) {
        model.addAttribute("c", pages.load(user, number));
        model.addAttribute("maxUpload", limits.maxMegabytes() + " MB");
        return "my/case";
    }

    /** One material's file. Plain form post without JavaScript; the page's script sends the same post with progress. */
    @PostMapping("/my/cases/{number}/materials/{materialCode}")
    String upload(@PathVariable String number, @PathVariable String materialCode,
            @RequestParam(name = "file", required = false) MultipartFile file, CurrentUser user,
            RedirectAttributes redirect, Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            return uploadError(number, materialCode, msg("upload.error.empty", locale), redirect);
        }
        try (InputStream in = file.getInputStream()) {
            cases.uploadMaterial(user, number, materialCode, file.getOriginalFilename(), in);
        } catch (ApiException e) {
            String message = switch (e.status()) {
                case CONTENT_TOO_LARGE -> messages.getMessage("upload.error.tooLarge",
                        new Object[] {limits.maxMegabytes() + " MB"}, locale);
                case UNSUPPORTED_MEDIA_TYPE -> msg("upload.error.type", locale);
                case NOT_FOUND, FORBIDDEN -> throw e;
                default -> e.getMessage();
            };
            return uploadError(number, materialCode, message, redirect);
        }
        redirect.addFlashAttribute("done", "uploaded");
        return "redirect:/my/cases/" + number + "#mat-h";
    }

    private String uploadError(String number, String materialCode, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("uploadErrorFor", materialCode);
        redirect.addFlashAttribute("uploadError", message);
        redirect.addFlashAttribute("errors", List.of(new FieldProblem("file-" + materialCode, message)));
        return "redirect:/my/cases/" + number;
    }

    @PostMapping("/my/cases/{number}/submit")
    String submit(@PathVariable String number, CurrentUser user, RedirectAttributes redirect, Locale locale) {
        try {
            cases.submit(user, number, null);
        } catch (ApiException e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_CONTENT && e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            List<FieldProblem> errors = e.errors().isEmpty()
                    ? List.of(new FieldProblem("mat-h", e.getMessage()))
                    : e.errors().stream().map(p -> new FieldProblem("mat-h", p.message())).toList();
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/my/cases/" + number;
        }
        redirect.addFlashAttribute("done", "submitted");
        return "redirect:/my/cases/" + number;
    }

    @PostMapping("/my/cases/{number}/withdraw")
    String withdraw(@PathVariable String number, @RequestParam(required = false) Integer version, CurrentUser user,
            RedirectAttributes redirect) {
        try {
            cases.act(user, number, new org.lianban.cases.ActionRequest("WITHDRAW", version, null, null, null, null,
                    null), null);
        } catch (ApiException e) {
            if (e.status() != HttpStatus.CONFLICT && e.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw e;
            }
            redirect.addFlashAttribute("errors", List.of(new FieldProblem("wd-h", e.getMessage())));
            return "redirect:/my/cases/" + number;
        }
        redirect.addFlashAttribute("done", "withdrawn");
        return "redirect:/my/cases/" + number;
    }

    private MatterVersion matter(String code) {
        return catalog.current(code).orElseThrow(() -> ApiException.notFound("no such matter"));
    }

    /** API field names of {@code POST /cases} problems, as the ids of this page's inputs. */
    private static String formField(String apiField) {
        if (apiField == null) {
            return "";
        }
        return switch (apiField) {
            case "applicant", "applicant.name" -> "applicantName";
            case "applicant.idType" -> "idType";
            case "applicant.idNumber" -> "idNumber";
            case "applicant.phone" -> "phone";
            default -> apiField.startsWith("form.") ? "field_" + apiField.substring(5) : apiField;
        };
    }

    /** The checks whose wording we own are told in the page's language; others as the case service words them. */
    private String localized(FieldProblem p, Locale locale) {
        return switch (p.field() == null ? "" : p.field()) {
            case "applicant.idNumber" -> msg("apply.error.idNumber", locale);
            case "applicant.phone" -> msg("apply.error.phone", locale);
            default -> p.message();
        };
    }

    private void requireText(Map<String, String> values, String field, String label, List<FieldProblem> errors,
            Locale locale) {
        if (blank(values.get(field))) {
            errors.add(new FieldProblem(field, messages.getMessage("apply.error.required", new Object[] {label},
                    locale)));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
