package org.lianban.web.pages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.lianban.catalog.Catalog;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.common.Level;
import org.lianban.identity.CurrentUser;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.lianban.stats.HistorySimulator;
import org.lianban.stats.SimulationRequest;
import org.lianban.stats.Statistics;
import org.lianban.stats.StatsQuery;
import org.lianban.stats.StatsSummary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * Supervision dashboard (电子监察) at {@code /stats}: headline figures, where the time goes (level, step), the regions,
 * the weekly trend and the overdue cases; every chart has its table (the page works without JavaScript). Exports go
 * through the page session ({@code /stats/export.csv|xlsx}). The history simulator's admin page is here too.
 */
@Controller
class StatsPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Statistics statistics;
    private final HistorySimulator simulator;
    private final Regions regions;
    private final Catalog catalog;
    private final boolean demo;

    StatsPages(Statistics statistics, HistorySimulator simulator, Regions regions, Catalog catalog, Environment env) {
        this.statistics = statistics;
        this.simulator = simulator;
        this.regions = regions;
        this.catalog = catalog;
        this.demo = env.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/stats")
    String dashboard(CurrentUser user, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String region,
            @RequestParam(required = false) String matter, @RequestParam(required = false) String category,
            Model model) {
        Filter f = new Filter(from, to, region, matter, category);
        model.addAttribute("f", f);
        model.addAttribute("user", user);
        model.addAttribute("areas", areas(user));
        model.addAttribute("matters", catalog.current());
        model.addAttribute("categories", new TreeSet<>(catalog.current().stream().map(MatterVersion::category)
                .toList()));
        try {
            StatsSummary s = statistics.summary(query(f), user);
            model.addAttribute("s", s);
            model.addAttribute("chartData", JSON.writeValueAsString(Map.of("byLevel", s.byLevel(),
                    "byStep", s.byStep(), "byWeek", s.byWeek())));
            model.addAttribute("cities", cities(s));
            model.addAttribute("exportQuery", exportQuery(s));
        } catch (ApiException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            model.addAttribute("errors", e.errors());
        }
        return "stats/index";
    }

    @GetMapping("/stats/export.csv")
    ResponseEntity<byte[]> csv(CurrentUser user, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String region,
            @RequestParam(required = false) String matter, @RequestParam(required = false) String category,
            @RequestParam(required = false) String table) {
        StatsSummary s = statistics.summary(query(new Filter(from, to, region, matter, category)), user);
        return file(statistics.csv(s, table), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                "lianban-stats-" + s.region() + "-" + s.from() + "-" + s.to() + ".csv");
    }

    @GetMapping("/stats/export.xlsx")
    ResponseEntity<byte[]> xlsx(CurrentUser user, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String region,
            @RequestParam(required = false) String matter, @RequestParam(required = false) String category) {
        StatsSummary s = statistics.summary(query(new Filter(from, to, region, matter, category)), user);
        return file(statistics.xlsx(s),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "lianban-stats-" + s.region() + "-" + s.from() + "-" + s.to() + ".xlsx");
    }

    // ------------------------------------------------------------------------------------------ simulator (admin)

    @GetMapping("/admin/simulate")
    String simulatePage(Model model) {
        requireDemo();
        model.addAttribute("status", simulator.status());
        return "admin/simulate";
    }

    @PostMapping("/admin/simulate")
    String simulate(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cases, Model model) {
        requireDemo();
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors), toDate = date("to", to, errors);
        int n = 0;
        try {
            n = Integer.parseInt(cases == null ? "" : cases.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldProblem("cases", "Give the number of cases as a whole number, e.g. 124."));
        }
        if (errors.isEmpty()) {
            try {
                simulator.start(new SimulationRequest(fromDate, toDate, n, 20201207L));
                return "redirect:/admin/simulate";
            } catch (ApiException e) {
                errors.addAll(e.errors().isEmpty() ? List.of(new FieldProblem(null, e.getMessage())) : e.errors());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("status", simulator.status());
        return "admin/simulate";
    }

    private void requireDemo() {
        if (!demo) {
            throw ApiException.notFound("The history simulator exists only in the demo.");
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The form's values as typed (strings, so a bad date is shown back as it was). */
    record Filter(String from, String to, String region, String matter, String category) {}

    /** A city with its counties' rows, for the grid. */
    record CityCell(StatsSummary.RegionRow city, List<StatsSummary.RegionRow> counties) {}

    private StatsQuery query(Filter f) {
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate from = date("from", f.from(), errors), to = date("to", f.to(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.getFirst().message(), errors);
        }
        return new StatsQuery(from, to, f.region(), f.matter(), f.category());
    }

    /** The areas the user may pick: their own region and everything below it. */
    private List<Region> areas(CurrentUser user) {
        if (user.regionCode() == null) {
            return List.of();
        }
        return regions.all().stream().filter(r -> regions.isWithin(r.code(), user.regionCode()))
                .sorted(java.util.Comparator.comparing(Region::code)).toList();
    }

    private static List<CityCell> cities(StatsSummary s) {
        List<CityCell> cells = new ArrayList<>();
        List<StatsSummary.RegionRow> rows = s.byRegion();
        for (StatsSummary.RegionRow r : rows) {
            if (Level.CITY.name().equals(r.level())) {
                cells.add(new CityCell(r, rows.stream().filter(c -> r.regionCode().equals(c.parentCode())).toList()));
            }
        }
        if (cells.isEmpty()) {
            cells.add(new CityCell(null, rows));
        }
        return cells;
    }

    private static String exportQuery(StatsSummary s) {
        StringBuilder q = new StringBuilder("from=" + s.from() + "&to=" + s.to() + "&region=" + s.region());
        if (s.matter() != null) {
            q.append("&matter=").append(s.matter());
        }
        if (s.category() != null) {
            q.append("&category=").append(s.category());
        }
        return q.toString();
    }

    private static LocalDate date(String field, String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "'" + value + "' is not a date; use YYYY-MM-DD, e.g. 2021-01-27."));
            return null;
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString()).body(body);
    }
}
