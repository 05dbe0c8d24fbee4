package org.lianban.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lianban.cases.ActionRequest;
import org.lianban.cases.CaseService;
import org.lianban.catalog.Catalog;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.common.Level;
import org.lianban.identity.CurrentUser;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.lianban.web.pages.CaseViews.TaskRow;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Officials' pages (clerk, reviewer, approver at any level): the task queue and the case page with every action their
 * step allows. Acting on a stale page gives "someone else acted first", never an error page.
 */
@Controller
class WorkbenchPages {

    private static final int QUEUE_LIMIT = 500;

    /** Special procedures whose time does not count (《行政许可法》第45条), as the cases module names them. */
    private static final List<String> PROCEDURES = List.of("EXPERT_REVIEW", "HEARING", "PUBLIC_NOTICE",
            "INSPECTION", "TESTING", "QUARANTINE", "APPRAISAL", "TENDER", "AUCTION");

    private final CaseService cases;
    private final CasePages pages;
    private final Catalog catalog;
    private final Regions regions;
    private final MessageSource messages;

    WorkbenchPages(CaseService cases, CasePages pages, Catalog catalog, Regions regions, MessageSource messages) {
        this.cases = cases;
        this.pages = pages;
        this.catalog = catalog;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/workbench")
    String queue(@RequestParam(required = false) String matter, @RequestParam(required = false) String region,
            CurrentUser user, Model model) {
        String m = matter == null || matter.isBlank() ? null : matter;
        String r = region == null || region.isBlank() ? null : region;
        List<TaskRow> tasks = cases.tasks(user, m, r, QUEUE_LIMIT).stream()
                .map(t -> new TaskRow(t.number(), t.matterCode(), t.matterName(), pages.regionName(t.regionCode()),
                        t.stepName(), t.since(), t.dueAt(), t.warning()))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("regionName", pages.regionName(user.regionCode()));
        model.addAttribute("tasks", tasks);
        model.addAttribute("matter", m);
        model.addAttribute("region", r);
        model.addAttribute("matters", catalog.current());
        model.addAttribute("regions", filingRegionsUnder(user.regionCode()));
        return "workbench/index";
    }

    /** Counties (and cities) in the official's area, where the cases in their queue were filed. */
    private List<Region> filingRegionsUnder(String area) {
        return regions.all().stream()
                .filter(x -> x.level() != Level.PROVINCE && area != null && regions.isWithin(x.code(), area))
                .toList();
    }

    @GetMapping("/workbench/cases/{number}")
    String caseReview(@PathVariable String number, CurrentUser user, Model model) {
        return casePage(number, user, model);
    }

    private String casePage(String number, CurrentUser user, Model model) {
        model.addAttribute("c", pages.load(user, number));
        model.addAttribute("procedures", PROCEDURES);
        return "workbench/case";
    }

    @PostMapping("/workbench/cases/{number}/actions")
    String act(@PathVariable String number, @RequestParam(required = false) String action,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) String opinion,
            @RequestParam(required = false) List<String> missing, @RequestParam(required = false) String procedure,
            @RequestParam(required = false) String returnTo, @RequestParam(required = false) String days,
            CurrentUser user, RedirectAttributes redirect, Locale locale) {
        Integer d = null;
        if (days != null && !days.isBlank()) {
            try {
                d = Integer.valueOf(days.strip());
            } catch (NumberFormatException e) {
                return actionError(number, action, List.of(new FieldProblem("days-" + action,
                        messages.getMessage("action.error.days", null, locale))), redirect);
            }
        }
        String text = opinion == null || opinion.isBlank() ? null : opinion.strip();
        try {
            cases.act(user, number, new ActionRequest(action, version, text, missing, procedure, returnTo, d), null);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                redirect.addFlashAttribute("stale", true);
                return "redirect:/workbench/cases/" + number;
            }
            if (e.status() == HttpStatus.BAD_REQUEST || e.status() == HttpStatus.UNPROCESSABLE_CONTENT
                    || e.status() == HttpStatus.FORBIDDEN) {
                List<FieldProblem> errors = new ArrayList<>();
                if (e.errors().isEmpty()) {
                    errors.add(new FieldProblem("action-" + action, e.getMessage()));
                } else {
                    e.errors().forEach(p -> errors.add(new FieldProblem(inputId(p.field(), action), p.message())));
                }
                return actionError(number, action, errors, redirect);
            }
            throw e;
        }
        boolean stillMine = cases.tasks(user, null, null, QUEUE_LIMIT).stream().anyMatch(t -> t.number().equals(number));
        redirect.addFlashAttribute("done", number);
        return stillMine ? "redirect:/workbench/cases/" + number : "redirect:/workbench";
    }

    /** Back to the case page with the problems listed and the action's form open (post/redirect/get). */
    private static String actionError(String number, String action, List<FieldProblem> errors,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("openAction", action);
        return "redirect:/workbench/cases/" + number;
    }

    /** Problem fields of {@code POST /cases/{n}/actions} as ids of the inputs in that action's form. */
    private static String inputId(String field, String action) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("opinion", "opinion-");
        ids.put("missing", "missing-");
        ids.put("returnTo", "returnTo-");
        ids.put("procedure", "procedure-");
        ids.put("days", "days-");
        String prefix = field == null ? null : ids.get(field);
        return prefix == null ? "action-" + action : prefix + action;
    }
}
