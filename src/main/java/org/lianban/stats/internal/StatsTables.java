package org.lianban.stats.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lianban.common.ApiException;
import org.lianban.stats.StatsSummary;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The tables of a summary, as exported: the same rows and columns in CSV (Jackson CSV) and Excel (one sheet per
 * table). Column names are the JSON field names, so an export reads like the API.
 */
public final class StatsTables {

    /** A table: column names and rows of cells (String, Long, BigDecimal, dates as text; null = empty). */
    public record Table(List<String> columns, List<List<Object>> rows) {}

    public static final List<String> NAMES = List.of("summary", "byLevel", "byStep", "byMatter", "byRegion", "byWeek",
            "overdue");

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private StatsTables() {}

    public static Map<String, Table> tables(StatsSummary s) {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("summary", new Table(List.of("metric", "value"), List.of(
                row("region", s.region()), row("from", text(s.from())), row("to", text(s.to())),
                row("matter", s.matter()), row("category", s.category()), row("cases", s.cases()),
                row("completed", s.completed()), row("inProgress", s.inProgress()), row("refused", s.refused()),
                row("denied", s.denied()), row("withdrawn", s.withdrawn()),
                row("averageWorkingDays", s.averageWorkingDays()), row("medianWorkingDays", s.medianWorkingDays()),
                row("onTimeRate", s.onTimeRate()), row("yellow", s.yellow()), row("red", s.red()),
                row("overdue", s.overdue()))));
        t.put("byLevel", new Table(List.of("level", "workingDays", "averagePerCase", "share"),
                s.byLevel().stream().map(r -> row(r.level(), r.workingDays(), r.averagePerCase(), r.share())).toList()));
        t.put("byStep", new Table(List.of("stepCode", "partyCode", "stepName", "level", "cases", "workingDays",
                "averageWorkingDays"), s.byStep().stream().map(r -> row(r.stepCode(), r.partyCode(), r.stepName(),
                        r.level(), r.cases(), r.workingDays(), r.averageWorkingDays())).toList()));
        t.put("byMatter", new Table(List.of("matterCode", "matterName", "category", "cases", "completed",
                "inProgress", "refused", "denied", "withdrawn", "averageWorkingDays", "onTimeRate"),
                s.byMatter().stream().map(r -> row(r.matterCode(), r.matterName(), r.category(), r.cases(),
                        r.completed(), r.inProgress(), r.refused(), r.denied(), r.withdrawn(),
                        r.averageWorkingDays(), r.onTimeRate())).toList()));
        t.put("byRegion", new Table(List.of("regionCode", "regionName", "level", "parentCode", "cases", "completed",
                "inProgress", "averageWorkingDays", "onTimeRate", "red"),
                s.byRegion().stream().map(r -> row(r.regionCode(), r.regionName(), r.level(), r.parentCode(),
                        r.cases(), r.completed(), r.inProgress(), r.averageWorkingDays(), r.onTimeRate(), r.red()))
                        .toList()));
        t.put("byWeek", new Table(List.of("weekStart", "cases", "completed", "averageWorkingDays"),
                s.byWeek().stream().map(r -> row(text(r.weekStart()), r.cases(), r.completed(),
                        r.averageWorkingDays())).toList()));
        t.put("overdue", new Table(List.of("number", "matterCode", "matterName", "regionCode", "regionName", "status",
                "stepCode", "dueDate", "workingDaysUsed", "limitDays"),
                s.overdueCases().stream().map(r -> row(r.number(), r.matterCode(), r.matterName(), r.regionCode(),
                        r.regionName(), r.status(), r.stepCode(), text(r.dueDate()), r.workingDaysUsed(),
                        (long) r.limitDays())).toList()));
        return t;
    }

    /** One table, or every table (each preceded by a line with its name and followed by an empty line). */
    public static byte[] csv(StatsSummary s, String table) {
        Map<String, Table> all = tables(s);
        if (table != null && !table.isBlank()) {
            Table t = all.get(table);
            if (t == null) {
                throw ApiException.badRequest("table", "Unknown table '" + table + "'; use one of "
                        + String.join(", ", NAMES) + ".");
            }
            return write(t).getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder();
        all.forEach((name, t) -> sb.append(name).append("\r\n").append(write(t)).append("\r\n"));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String write(Table t) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        t.columns().forEach(schema::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> r : t.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) {
                Object v = r.get(i);
                m.put(t.columns().get(i), v instanceof BigDecimal b ? b.toPlainString() : v);
            }
            rows.add(m);
        }
        return CSV.writer(schema.build().withLineSeparator("\r\n")).writeValueAsString(rows);
    }

    public static byte[] xlsx(StatsSummary s) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            tables(s).forEach((name, t) -> {
                Sheet sheet = wb.createSheet(name);
                Row header = sheet.createRow(0);
                for (int i = 0; i < t.columns().size(); i++) {
                    header.createCell(i).setCellValue(t.columns().get(i));
                    header.getCell(i).setCellStyle(head);
                }
                int n = 1;
                for (List<Object> r : t.rows()) {
                    Row row = sheet.createRow(n++);
                    for (int i = 0; i < r.size(); i++) {
                        Object v = r.get(i);
                        if (v instanceof Number num) {
                            row.createCell(i).setCellValue(num.doubleValue());
                        } else if (v != null) {
                            row.createCell(i).setCellValue(v.toString());
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
                for (int i = 0; i < t.columns().size(); i++) {
                    sheet.setColumnWidth(i, 16 * 256);
                }
            });
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
