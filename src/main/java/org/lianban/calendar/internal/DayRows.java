package org.lianban.calendar.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lianban.calendar.CalendarAdmin.Day;
import org.lianban.calendar.CalendarAdmin.DayEntry;
import org.lianban.calendar.CalendarAdmin.Kind;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/** Reading and validating calendar rows, the same way for the shipped file and for an administrator's upload. */
final class DayRows {

    static final int MAX_NAME = 100;

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private DayRows() {}

    /** The rows of a {@code date,kind,name} CSV text; the header row is required, blank lines are skipped. */
    public static List<DayEntry> readCsv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(body)) {
            while (it.hasNext()) {
                String[] line = it.next();
                if (!(line.length == 0 || line.length == 1 && line[0].isBlank())) {
                    lines.add(line);
                }
            }
        } catch (JacksonException e) {
            throw ApiException.badRequest("file", "The file is not valid CSV: " + e.getOriginalMessage());
        }
        if (lines.isEmpty() || lines.getFirst().length != 3
                || !"date".equalsIgnoreCase(lines.getFirst()[0].trim())
                || !"kind".equalsIgnoreCase(lines.getFirst()[1].trim())
                || !"name".equalsIgnoreCase(lines.getFirst()[2].trim())) {
            throw ApiException.badRequest("header", "The first line must be the header date,kind,name.");
        }
        List<DayEntry> rows = new ArrayList<>();
        List<FieldProblem> errors = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i);
            if (f.length != 3) {
                errors.add(new FieldProblem("row " + i, "Expected 3 columns (date,kind,name), found " + f.length
                        + "; quote a name that contains a comma."));
            } else {
                rows.add(new DayEntry(f[0], f[1], f[2]));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Some rows of the file do not have 3 columns.", errors);
        }
        return rows;
    }

    /**
     * Checks every row of one year and returns them as days, or throws a 400 listing every problem: a date that is
     * not YYYY-MM-DD or not in {@code year}, a kind other than holiday/workday, an empty name, a date listed twice,
     * a workday on Monday–Friday (调休 only ever moves work onto a weekend). Rows count from 1.
     */
    public static List<Day> validate(int year, List<DayEntry> rows) {
        if (rows == null || rows.isEmpty()) {
            throw ApiException.badRequest("rows", "Give at least one row: date,kind,name.");
        }
        List<FieldProblem> errors = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        Map<LocalDate, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String row = "row " + (i + 1) + ": ";
            DayEntry e = rows.get(i);
            if (e == null) {
                errors.add(new FieldProblem("row " + (i + 1), "The row is empty; give date, kind and name."));
                continue;
            }
            LocalDate date = null;
            String dateText = e.date() == null ? "" : e.date().trim();
            if (dateText.isEmpty()) {
                errors.add(new FieldProblem(row + "date", "The date is missing; write it as YYYY-MM-DD."));
            } else {
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeParseException ex) {
                    errors.add(new FieldProblem(row + "date", "'" + dateText + "' is not a date; write YYYY-MM-DD."));
                }
            }
            if (date != null && date.getYear() != year) {
                errors.add(new FieldProblem(row + "date", date + " is not in " + year + "; put only " + year
                        + " dates in this year's list."));
                date = null;
            }
            if (date != null && rowOf.containsKey(date)) {
                errors.add(new FieldProblem(row + "date", date + " is already listed in row " + rowOf.get(date)
                        + "; list each date once."));
                date = null;
            }
            if (date != null) {
                rowOf.put(date, i + 1);
            }
            Kind kind = parseKind(e.kind());
            if (kind == null) {
                errors.add(new FieldProblem(row + "kind", "'" + (e.kind() == null ? "" : e.kind())
                        + "' is not a kind; write holiday (a day off) or workday (an adjusted working weekend day)."));
            } else if (kind == Kind.WORKDAY && date != null && date.getDayOfWeek().getValue() <= 5) {
                errors.add(new FieldProblem(row + "kind", date + " is a "
                        + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + ", already a working day; a workday row must fall on a Saturday or Sunday."));
            }
            String name = e.name() == null ? "" : e.name().trim();
            if (name.isEmpty()) {
                errors.add(new FieldProblem(row + "name", "The name is missing; write the holiday's name, e.g. 春节."));
            } else if (name.length() > MAX_NAME) {
                errors.add(new FieldProblem(row + "name", "The name is longer than " + MAX_NAME + " characters."));
            }
            if (date != null && kind != null && !name.isEmpty()) {
                days.add(new Day(date, kind, name));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.size() + " problem(s) in the rows for " + year
                    + "; nothing was stored.", errors);
        }
        days.sort((a, b) -> a.date().compareTo(b.date()));
        return days;
    }

    private static Kind parseKind(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "HOLIDAY" -> Kind.HOLIDAY;
            case "WORKDAY" -> Kind.WORKDAY;
            default -> null;
        };
    }
}
