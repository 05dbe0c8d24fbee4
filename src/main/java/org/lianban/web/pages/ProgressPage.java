package org.lianban.web.pages;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.lianban.cases.CaseService;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 办件进度查询: anyone with the case number and query code sees status and per-step working days, nothing personal.
 * Posted, not in the URL, so the query code stays out of logs and browser history. A wrong code and an unknown number
 * get the same answer.
 */
@Controller
class ProgressPage {

    private final CaseService cases;
    private final CasePages pages;
    private final MessageSource messages;

    ProgressPage(CaseService cases, CasePages pages, MessageSource messages) {
        this.cases = cases;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/progress")
    String form() {
        return "progress";
    }

    @PostMapping("/progress")
    String query(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
            Model model, Locale locale) {
        String n = number == null ? "" : number.strip();
        String c = code == null ? "" : code.strip();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (n.isEmpty()) {
            fieldErrors.put("number", messages.getMessage("progress.error.number", null, locale));
        }
        if (c.isEmpty()) {
            fieldErrors.put("code", messages.getMessage("progress.error.code", null, locale));
        }
        if (fieldErrors.isEmpty()) {
            try {
                model.addAttribute("progress", pages.progress(cases.progress(n, c)));
                return "progress";
            } catch (ApiException e) {
                if (e.status() != HttpStatus.NOT_FOUND && e.status() != HttpStatus.BAD_REQUEST) {
                    throw e;
                }
                fieldErrors.put("number", messages.getMessage("progress.error.notFound", null, locale));
            }
        }
        model.addAttribute("number", n);
        model.addAttribute("code", c);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("errors", fieldErrors.entrySet().stream()
                .map(e -> new FieldProblem(e.getKey(), e.getValue())).toList());
        return "progress";
    }

}
