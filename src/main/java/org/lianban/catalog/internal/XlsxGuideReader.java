package org.lianban.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;

/**
 * Reads an Excel guide: sheets {@code Matters}, {@code Materials}, {@code Fields}, {@code Steps}, {@code Parties}, one
 * row per item under a header row of field names; child rows name their matter in column {@code matter} (and a party
 * its step in column {@code step}). Produces the same structure as a YAML/JSON guide, remembering each value's cell.
 */
final class XlsxGuideReader {

    private final Map<String, String> places = new HashMap<>();
    private final List<FieldProblem> problems = new ArrayList<>();

    private XlsxGuideReader() {}

    static ParsedGuide read(byte[] bytes) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            return new XlsxGuideReader().read(wb);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.unsupportedType("The file is a ZIP archive but not a readable Excel .xlsx workbook ("
                    + e.getClass().getSimpleName() + "). Save it from Excel or WPS as .xlsx.");
        }
    }

    private ParsedGuide read(Workbook wb) {
        Sheet mattersSheet = wb.getSheet("Matters");
        List<Object> matters = new ArrayList<>();
        Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
        if (mattersSheet == null) {
            problems.add(new FieldProblem("Matters", "The workbook has no sheet named \"Matters\". Add it with a "
                    + "header row (code, name, category, decidingLevel, ...) and one row per matter."));
        } else {
            for (RowItem r : rows(mattersSheet)) {
                String path = "matters[" + matters.size() + "]";
                Map<String, Object> m = r.values(path, places);
                if (m.get("filingLevels") instanceof String s) {
                    m.put("filingLevels", List.of(s.split("\\s*[,;，；、]\\s*")));
                }
                matters.add(m);
                places.put(path, r.place());
                if (m.get("code") instanceof String code) {
                    byCode.putIfAbsent(code, m);
                }
            }
        }
        children(wb, "Materials", "materials", byCode);
        children(wb, "Fields", "fields", byCode);
        children(wb, "Steps", "steps", byCode);
        parties(wb, byCode);
        return new ParsedGuide(Map.of("matters", matters), places, problems);
    }

    private void children(Workbook wb, String sheetName, String key, Map<String, Map<String, Object>> byCode) {
        Sheet sheet = wb.getSheet(sheetName);
        if (sheet == null) {
            return;
        }
        for (RowItem r : rows(sheet)) {
            Map<String, Object> matter = matterOf(r, sheetName, byCode);
            if (matter == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) matter.computeIfAbsent(key, k -> new ArrayList<>());
            String path = matterPath(matter) + "." + key + "[" + list.size() + "]";
            Map<String, Object> item = r.values(path, places);
            item.remove("matter");
            list.add(item);
            places.put(path, r.place());
        }
    }

    private void parties(Workbook wb, Map<String, Map<String, Object>> byCode) {
        Sheet sheet = wb.getSheet("Parties");
        if (sheet == null) {
            return;
        }
        for (RowItem r : rows(sheet)) {
            Map<String, Object> matter = matterOf(r, "Parties", byCode);
            if (matter == null) {
                continue;
            }
            Object stepCode = r.raw("step");
            Map<String, Object> step = null;
            int stepIndex = -1;
            if (matter.get("steps") instanceof List<?> steps) {
                for (int i = 0; i < steps.size(); i++) {
                    if (steps.get(i) instanceof Map<?, ?> s && stepCode != null && stepCode.equals(s.get("code"))) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> found = (Map<String, Object>) s;
                        step = found;
                        stepIndex = i;
                        break;
                    }
                }
            }
            if (step == null) {
                problems.add(new FieldProblem(r.cell("step"), "No step \"" + (stepCode == null ? "" : stepCode)
                        + "\" of matter \"" + matter.get("code") + "\" on the Steps sheet. Name the JOINT_REVIEW "
                        + "step this party belongs to."));
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) step.computeIfAbsent("parties", k -> new ArrayList<>());
            String path = matterPath(matter) + ".steps[" + stepIndex + "].parties[" + list.size() + "]";
            Map<String, Object> item = r.values(path, places);
            item.remove("matter");
            item.remove("step");
            list.add(item);
            places.put(path, r.place());
        }
    }

    private Map<String, Object> matterOf(RowItem r, String sheetName, Map<String, Map<String, Object>> byCode) {
        Object code = r.raw("matter");
        Map<String, Object> matter = code == null ? null : byCode.get(code.toString());
        if (matter == null) {
            problems.add(new FieldProblem(r.cell("matter"), "No matter \"" + (code == null ? "" : code)
                    + "\" on the Matters sheet. Fill column \"matter\" of this " + sheetName
                    + " row with the code of a matter listed there."));
        }
        return matter;
    }

    private static String matterPath(Map<String, Object> matter) {
        return (String) matter.get("__path");
    }

    private List<RowItem> rows(Sheet sheet) {
        Row header = sheet.getRow(sheet.getFirstRowNum());
        List<RowItem> items = new ArrayList<>();
        if (header == null) {
            return items;
        }
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (Cell c : header) {
            Object v = value(c);
            if (v != null) {
                columns.put(c.getColumnIndex(), v.toString().trim());
            }
        }
        for (int i = header.getRowNum() + 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            int rowIndex = i;
            if (row == null) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, String> cells = new LinkedHashMap<>();
            columns.forEach((col, name) -> {
                cells.put(name, sheet.getSheetName() + "!" + new CellReference(rowIndex, col).formatAsString(false));
                Object v = value(row.getCell(col));
                if (v != null) {
                    values.put(name, v);
                }
            });
            if (!values.isEmpty()) {
                items.add(new RowItem(sheet.getSheetName(), i + 1, values, cells));
            }
        }
        return items;
    }

    private static final DataFormatter FORMATTER = new DataFormatter();

    private static Object value(Cell c) {
        if (c == null) {
            return null;
        }
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (type) {
            case NUMERIC -> {
                double d = c.getNumericCellValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            case BOOLEAN -> c.getBooleanCellValue();
            case STRING -> {
                String s = c.getStringCellValue().trim();
                yield s.isEmpty() ? null : s;
            }
            case BLANK, ERROR, _NONE -> null;
            default -> {
                String s = FORMATTER.formatCellValue(c).trim();
                yield s.isEmpty() ? null : s;
            }
        };
    }

    private record RowItem(String sheet, int rowNumber, Map<String, Object> raw, Map<String, String> cells) {

        Object raw(String column) {
            return raw.get(column);
        }

        String cell(String column) {
            return cells.getOrDefault(column, place());
        }

        String place() {
            return sheet + " row " + rowNumber;
        }

        /** The row's values as an item, recording each column's cell as the place of path.column. */
        Map<String, Object> values(String path, Map<String, String> places) {
            cells.forEach((column, cell) -> places.put(path + "." + column, cell));
            Map<String, Object> item = new LinkedHashMap<>(raw);
            item.put("__path", path);
            return item;
        }
    }
}
