package org.lianban.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lianban.catalog.Catalog;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.common.Level;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages anyone can open: the catalog, a matter's service guide (办事指南) and the sign-in page. */
@Controller
class PublicPages {

    /** Order of the catalog's categories on the home page; unknown categories follow in code order. */
    private static final List<String> CATEGORY_ORDER =
            List.of("land", "mineral", "geohazard", "surveying", "planning", "ocean", "other");

    private final Catalog catalog;
    private final MessageSource messages;
    private final boolean demo;

    PublicPages(Catalog catalog, MessageSource messages, Environment env) {
        this.catalog = catalog;
        this.messages = messages;
        this.demo = env.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String query = q == null ? "" : q.strip();
        List<MatterVersion> matters = catalog.current().stream().filter(m -> matches(m, query)).toList();
        Map<String, List<MatterVersion>> groups = new LinkedHashMap<>();
        CATEGORY_ORDER.forEach(c -> groups.put(c, new ArrayList<>()));
        matters.forEach(m -> groups.computeIfAbsent(m.category(), c -> new ArrayList<>()).add(m));
        groups.values().removeIf(List::isEmpty);
        model.addAttribute("q", query);
        model.addAttribute("groups", groups);
        model.addAttribute("count", matters.size());
        return htmx != null ? "home :: catalog" : "home";
    }

    private static boolean matches(MatterVersion m, String query) {
        if (query.isEmpty()) {
            return true;
        }
        String needle = query.toLowerCase(Locale.ROOT);
        return m.name().toLowerCase(Locale.ROOT).contains(needle) || m.code().toLowerCase(Locale.ROOT).contains(needle);
    }

    @GetMapping("/matters/{code}")
    String guide(@PathVariable String code, Model model) {
        MatterVersion m = catalog.current(code).orElseThrow(() -> ApiException.notFound("no such matter"));
        model.addAttribute("m", m);
        model.addAttribute("flow", FlowStep.of(m.steps()));
        model.addAttribute("filingLevels", List.of(Level.values()).stream().filter(m.filingLevels()::contains).toList());
        return "matter";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model, Locale locale) {
        if (error != null) {
            model.addAttribute("errors",
                    List.of(new FieldProblem("username", messages.getMessage("login.failed", null, locale))));
        }
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("demo", demo);
        return "login";
    }
}
