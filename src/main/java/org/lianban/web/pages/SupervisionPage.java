package org.lianban.web.pages;

import java.time.Clock;

import org.lianban.cases.Cases;
import org.lianban.cases.DeadlineWarning;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.ApiException;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 监察: the supervisor's entry: the overdue and nearly overdue cases of their area, and the way to the statistics. */
@Controller
class SupervisionPage {

    private final Cases cases;
    private final CasePages pages;
    private final Catalog catalog;
    private final Clock clock;

    SupervisionPage(Cases cases, CasePages pages, Catalog catalog, Clock clock) {
        this.cases = cases;
        this.pages = pages;
        this.catalog = catalog;
        this.clock = clock;
    }

    public record Row(DeadlineWarning warning, String matterName, String regionName) {}

    @GetMapping("/supervision")
    String supervision(CurrentUser user, Model model) {
        if (!user.is(Role.SUPERVISOR)) {
            throw ApiException.forbidden("supervisors only");
        }
        model.addAttribute("user", user);
        model.addAttribute("regionName", pages.regionName(user.regionCode()));
        model.addAttribute("rows", cases.deadlineWarnings(user.regionCode(), clock.instant()).stream()
                .map(w -> new Row(w, catalog.current(w.matterCode()).map(MatterVersion::name).orElse(w.matterCode()),
                        pages.regionName(w.regionCode())))
                .toList());
        return "supervision";
    }
}
