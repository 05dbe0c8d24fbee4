package org.lianban.web.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.lianban.calendar.CalendarAdmin;
import org.lianban.calendar.CalendarAdmin.Day;
import org.lianban.calendar.CalendarAdmin.DayEntry;
import org.lianban.calendar.WorkingCalendar;
import org.lianban.common.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working-day arithmetic for anyone (API.md {@code /calendar/...}) and the administrator's maintenance of holiday
 * years ({@code /admin/calendar/...}, ADMIN only by the security configuration). Query parameters are parsed here so
 * that a missing or garbled one is a 400 naming it.
 */
@RestController
class CalendarApi {

    /** Upper bound on {@code days} so that one request cannot make the server count for long. */
    static final int MAX_DAYS = 1000;

    record DeadlineView(LocalDate start, int days, LocalDate deadline) {}

    record WorkingDaysView(BigDecimal workingDays) {}

    record YearsView(List<Integer> coveredYears, List<Integer> missingYears, String warning,
            List<CalendarAdmin.Year> years) {}

    record DayView(LocalDate date, CalendarAdmin.Kind kind, String name) {
        static DayView of(Day d) {
            return new DayView(d.date(), d.kind(), d.name());
        }
    }

    record StoredYearView(int year, String source, Instant updatedAt, String updatedBy, int holidays, int workdays,
            List<DayView> days) {}

    private final WorkingCalendar calendar;
    private final CalendarAdmin admin;

    CalendarApi(WorkingCalendar calendar, CalendarAdmin admin) {
        this.calendar = calendar;
        this.admin = admin;
    }

    @GetMapping("/api/v1/calendar/deadline")
    DeadlineView deadline(@RequestParam(required = false) String start, @RequestParam(required = false) String days) {
        LocalDate s = date("start", start);
        int n = integer("days", days);
        if (n < 0 || n > MAX_DAYS) {
            throw ApiException.badRequest("days", "days must be between 0 and " + MAX_DAYS + ".");
        }
        return new DeadlineView(s, n, calendar.deadline(s, n));
    }

    @GetMapping("/api/v1/calendar/working-days")
    WorkingDaysView workingDays(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (t.isBefore(f)) {
            throw ApiException.badRequest("to", "to must not be before from.");
        }
        return new WorkingDaysView(calendar.workingDays(f, t));
    }

    @GetMapping("/api/v1/calendar/years")
    YearsView years() {
        CalendarAdmin.Coverage c = admin.coverage();
        return new YearsView(c.coveredYears(), c.missingYears(), c.warning(), admin.years());
    }

    @GetMapping("/api/v1/calendar/holidays")
    List<DayView> holidays(@RequestParam(required = false) String year) {
        return admin.days(integer("year", year)).stream().map(DayView::of).toList();
    }

    @PutMapping(path = "/api/v1/admin/calendar/years/{year}", consumes = "text/csv")
    StoredYearView replaceYearFromCsv(@PathVariable String year, @RequestParam(required = false) String source,
            @RequestBody byte[] body, Principal principal) {
        int y = integer("year", year);
        return stored(admin.replaceYear(y, admin.readCsv(new String(body, StandardCharsets.UTF_8)), source,
                principal.getName()));
    }

    @PutMapping(path = "/api/v1/admin/calendar/years/{year}", consumes = "application/json")
    StoredYearView replaceYearFromJson(@PathVariable String year, @RequestParam(required = false) String source,
            @RequestBody List<DayEntry> rows, Principal principal) {
        return stored(admin.replaceYear(integer("year", year), rows, source, principal.getName()));
    }

    private StoredYearView stored(CalendarAdmin.Year y) {
        return new StoredYearView(y.year(), y.source(), y.updatedAt(), y.updatedBy(), y.holidays(), y.workdays(),
                admin.days(y.year()).stream().map(DayView::of).toList());
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, name + " is required: a date YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " '" + value + "' is not a date; write YYYY-MM-DD.");
        }
    }

    private static int integer(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, name + " is required: a whole number.");
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " '" + value + "' is not a whole number.");
        }
    }

    /** An ISO instant ({@code ...Z}) or offset date-time; a '+' that arrived unencoded (as a space) is restored. */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, name + " is required: a date-time with offset, e.g. "
                    + "2024-02-08T22:00:00+08:00.");
        }
        try {
            return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " '" + value + "' is not a date-time with offset; write e.g. "
                    + "2024-02-08T22:00:00+08:00 (encode + as %2B) or 2024-02-08T14:00:00Z.");
        }
    }
}
