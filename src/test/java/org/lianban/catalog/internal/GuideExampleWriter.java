package org.lianban.catalog.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes guide-example.json and guide-example.xlsx from the hand-written guide-example.yaml (run once after changing
 * it; the outputs are committed). {@code GuideExamplesTest} checks that all three import to the same matters.
 */
public final class GuideExampleWriter {

    static final Path DIR = Path.of("src/main/resources/catalog/examples");

    private GuideExampleWriter() {}

    public static void main(String[] args) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> root = YAMLMapper.builder().build()
                .readValue(Files.readString(DIR.resolve("guide-example.yaml")), Map.class);
        Files.writeString(DIR.resolve("guide-example.json"), JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(root) + "\n",
                StandardCharsets.UTF_8);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(
                DIR.resolve("guide-example.xlsx"))) {
            List<Map<String, Object>> matters = list(root.get("matters"));
            List<Map<String, Object>> materials = new ArrayList<>();
            List<Map<String, Object>> fields = new ArrayList<>();
            List<Map<String, Object>> steps = new ArrayList<>();
            List<Map<String, Object>> parties = new ArrayList<>();
            List<Map<String, Object>> matterRows = new ArrayList<>();
            for (Map<String, Object> m : matters) {
                Object code = m.get("code");
                Map<String, Object> row = new java.util.LinkedHashMap<>(m);
                row.remove("materials");
                row.remove("fields");
                row.remove("steps");
                row.put("filingLevels", String.join(",", ((List<?>) m.get("filingLevels")).stream()
                        .map(String::valueOf).toList()));
                matterRows.add(row);
                children(m.get("materials"), code, materials);
                children(m.get("fields"), code, fields);
                for (Map<String, Object> s : list(m.get("steps"))) {
                    Map<String, Object> sr = withMatter(s, code);
                    sr.remove("parties");
                    steps.add(sr);
                    for (Map<String, Object> p : list(s.get("parties"))) {
                        Map<String, Object> pr = withMatter(p, code);
                        pr.remove("matter");
                        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
                        ordered.put("matter", code);
                        ordered.put("step", s.get("code"));
                        ordered.putAll(pr);
                        parties.add(ordered);
                    }
                }
            }
            sheet(wb, "Matters", matterRows);
            sheet(wb, "Materials", materials);
            sheet(wb, "Fields", fields);
            sheet(wb, "Steps", steps);
            sheet(wb, "Parties", parties);
            wb.write(out);
        }
    }

    private static void children(Object items, Object code, List<Map<String, Object>> into) {
        for (Map<String, Object> item : list(items)) {
            into.add(withMatter(item, code));
        }
    }

    private static Map<String, Object> withMatter(Map<String, Object> item, Object code) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("matter", code);
        row.putAll(item);
        return row;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static void sheet(XSSFWorkbook wb, String name, List<Map<String, Object>> rows) {
        Sheet sheet = wb.createSheet(name);
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        Row header = sheet.createRow(0);
        int c = 0;
        for (String col : columns) {
            header.createCell(c++).setCellValue(col);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i + 1);
            c = 0;
            for (String col : columns) {
                Object v = rows.get(i).get(col);
                if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    row.createCell(c).setCellValue(b);
                } else if (v != null && !v.toString().isEmpty()) {
                    row.createCell(c).setCellValue(v.toString());
                }
                c++;
            }
        }
    }
}
