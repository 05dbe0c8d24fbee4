package org.lianban.web.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.identity.CurrentUser;
import org.lianban.stats.Statistics;
import org.lianban.stats.StatsQuery;
import org.lianban.stats.StatsSummary;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervision statistics (电子监察), API.md {@code GET /stats/summary}: JSON, or the tables as CSV
 * ({@code Accept: text/csv} or {@code format=csv}, one table with {@code table=}) or Excel ({@code format=xlsx}).
 */
@RestController
@RequestMapping("/api/v1/stats")
class StatsApi {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Statistics statistics;

    StatsApi(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/summary")
    ResponseEntity<?> summary(CurrentUser user, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String region,
            @RequestParam(required = false) String matter, @RequestParam(required = false) String category,
            @RequestParam(required = false) String format, @RequestParam(required = false) String table,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate fromDate = date("from", from, errors);
        LocalDate toDate = date("to", to, errors);
        String fmt = format == null || format.isBlank() ? null : format.strip().toLowerCase(Locale.ROOT);
        if (fmt != null && !List.of("json", "csv", "xlsx").contains(fmt)) {
            errors.add(new FieldProblem("format", "Unknown format '" + format + "'; use json, csv or xlsx."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.getFirst().message(), errors);
        }
        if (fmt == null) {
            fmt = accept != null && accept.contains("text/csv") ? "csv" : "json";
        }
        StatsSummary s = statistics.summary(new StatsQuery(fromDate, toDate, region, matter, category), user);
        return switch (fmt) {
            case "csv" -> file(statistics.csv(s, table), CSV, name(s, table, "csv"));
            case "xlsx" -> file(statistics.xlsx(s), XLSX, name(s, null, "xlsx"));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(s);
        };
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    private static String name(StatsSummary s, String table, String ext) {
        return "lianban-stats-" + s.region() + "-" + s.from() + "-" + s.to()
                + (table == null || table.isBlank() ? "" : "-" + table) + "." + ext;
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
}
