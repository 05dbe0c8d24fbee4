package org.lianban.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.lianban.common.Level;
import org.lianban.region.Region;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads and validates the region file ({@code code,name,level,parent_code}). Any bad row stops the load: the tree is
 * reference data every other module routes by, so a half-loaded tree would be worse than no start.
 */
final class RegionCsv {

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private RegionCsv() {}

    /** @throws IllegalStateException listing every bad row by its line number in the file (header = line 1) */
    public static List<Region> read(InputStream in, String source) {
        List<String[]> lines = new ArrayList<>();
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
                .readValues(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
            while (it.hasNext()) {
                lines.add(it.next());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + source, e);
        }
        return parse(lines, source);
    }

    static List<Region> parse(List<String[]> lines, String source) {
        List<String> errors = new ArrayList<>();
        Map<String, Region> byCode = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            String[] f = lines.get(i);
            if (f.length == 1 && f[0].isBlank()) {
                continue;
            }
            if (f.length != 4) {
                errors.add("line " + line + ": expected 4 columns code,name,level,parent_code, found " + f.length);
                continue;
            }
            String code = f[0].trim();
            String name = f[1].trim();
            String parent = f[3].trim();
            Level level = null;
            try {
                level = Level.parse(f[2]);
            } catch (IllegalArgumentException e) {
                errors.add("line " + line + ": level '" + f[2] + "' is not province, city or county");
            }
            if (!CODE.matcher(code).matches()) {
                errors.add("line " + line + ": code '" + code + "' is not 6 digits");
            }
            if (name.isEmpty()) {
                errors.add("line " + line + ": name is empty");
            }
            if (!parent.isEmpty() && !CODE.matcher(parent).matches()) {
                errors.add("line " + line + ": parent_code '" + parent + "' is not 6 digits");
            }
            if (byCode.containsKey(code)) {
                errors.add("line " + line + ": code " + code + " already appears on line " + lineOf.get(code));
                continue;
            }
            if (level != null) {
                byCode.put(code, new Region(code, name, level, parent.isEmpty() ? null : parent));
                lineOf.put(code, line);
            }
        }
        int provinces = 0;
        for (Region r : byCode.values()) {
            int line = lineOf.get(r.code());
            if (r.level() == Level.PROVINCE) {
                provinces++;
                if (r.parentCode() != null) {
                    errors.add("line " + line + ": the province must not have a parent_code");
                }
                continue;
            }
            Region parent = r.parentCode() == null ? null : byCode.get(r.parentCode());
            if (parent == null) {
                errors.add("line " + line + ": parent_code '" + (r.parentCode() == null ? "" : r.parentCode())
                        + "' is not a region in the file");
            } else if (parent.level().ordinal() != r.level().ordinal() - 1) {
                errors.add("line " + line + ": a " + r.level() + " must have a " + Level.values()[r.level().ordinal() - 1]
                        + " as parent, but " + parent.code() + " is a " + parent.level());
            }
        }
        if (provinces != 1) {
            errors.add("the file must hold exactly one province, found " + provinces);
        }
        if (!errors.isEmpty()) {
            errors.sort(RegionCsv::byLine);
            throw new IllegalStateException("Invalid region file " + source + ": " + String.join("; ", errors));
        }
        return List.copyOf(byCode.values());
    }

    private static int byLine(String a, String b) {
        return Integer.compare(lineNumber(a), lineNumber(b));
    }

    private static int lineNumber(String error) {
        if (!error.startsWith("line ")) {
            return Integer.MAX_VALUE;
        }
        return Integer.parseInt(error.substring(5, error.indexOf(':')));
    }
}
