package org.lianban.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.lianban.catalog.FieldType;
import org.lianban.catalog.FormField;
import org.lianban.catalog.Material;
import org.lianban.catalog.MaterialForm;
import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.catalog.StepKind;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.common.Level;
import org.lianban.common.Role;

/**
 * Checks a whole guide file and turns it into canonical {@link MatterDefinition}s. Every problem is collected with its
 * place and a message saying how to fix it; the caller stores nothing unless the list is empty. Plain Java.
 *
 * <p>Flow rules (三级联办): the first step is ACCEPT by a CLERK at a filing level; exactly one DECIDE step, by an
 * APPROVER at the deciding level; the last step ISSUE; no step (or joint-review party) below the filing level or above
 * the deciding level, since a case is routed to the filing region's ancestor at each step's level; the step limits
 * fit in the promised days, which fit in the statutory days.
 */
final class GuideValidator {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Set<String> MATTER_KEYS = Set.of("code", "name", "category", "decidingLevel", "department",
            "legalBasis", "statutoryDays", "promisedDays", "promisedDaysIsDemo", "fees", "filingLevels", "materials",
            "fields", "steps", "notes");
    private static final Set<String> MATERIAL_KEYS = Set.of("code", "name", "required", "form", "copies", "format",
            "notes");
    private static final Set<String> FIELD_KEYS = Set.of("code", "name", "type", "required");
    private static final Set<String> STEP_KEYS = Set.of("code", "name", "kind", "level", "role", "limitDays",
            "parties");
    private static final Set<String> PARTY_KEYS = Set.of("code", "name", "level", "role");

    private final ParsedGuide guide;
    private final List<FieldProblem> problems = new ArrayList<>();

    private GuideValidator(ParsedGuide guide) {
        this.guide = guide;
        problems.addAll(guide.problems());
    }

    /** The result: the definitions when {@link #problems} is empty. */
    record Outcome(List<MatterDefinition> matters, List<FieldProblem> problems) {}

    static Outcome validate(ParsedGuide guide) {
        GuideValidator v = new GuideValidator(guide);
        List<MatterDefinition> matters = v.matters();
        return new Outcome(v.problems.isEmpty() ? matters : List.of(), List.copyOf(v.problems));
    }

    private List<MatterDefinition> matters() {
        if (!(guide.root() instanceof Map<?, ?> root) || !(root.get("matters") instanceof List<?> list)) {
            problem("matters", "The file must have a top-level list \"matters\" (see docs/catalog-import.md).");
            return List.of();
        }
        if (list.isEmpty()) {
            problem("matters", "The list \"matters\" is empty: add at least one matter.");
        }
        List<MatterDefinition> result = new ArrayList<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "matters[" + i + "]";
            Map<?, ?> m = object(list.get(i), path);
            if (m == null) {
                continue;
            }
            MatterDefinition d = matter(m, path);
            if (d != null) {
                Integer first = seen.putIfAbsent(d.code(), i);
                if (first != null) {
                    problem(path + ".code", "Matter code \"" + d.code() + "\" already appears at matters[" + first
                            + "]. Each matter may appear only once in a file.");
                }
                result.add(d);
            }
        }
        return result;
    }

    private MatterDefinition matter(Map<?, ?> m, String path) {
        int before = problems.size();
        unknownKeys(m, MATTER_KEYS, path);
        String code = code(m, path);
        String name = requiredText(m, path, "name", 300);
        String category = requiredText(m, path, "category", 40);
        Level deciding = requiredEnum(m, path, "decidingLevel", Level.class);
        String department = optionalText(m, path, "department", 300);
        String legalBasis = optionalText(m, path, "legalBasis", 4000);
        String fees = optionalText(m, path, "fees", 1000);
        String notes = optionalText(m, path, "notes", 4000);
        Integer statutory = positiveInt(m, path, "statutoryDays", true);
        Integer promised = positiveInt(m, path, "promisedDays", true);
        boolean promisedIsDemo = bool(m, path, "promisedDaysIsDemo", false);
        if (statutory != null && promised != null && promised > statutory) {
            problem(path + ".promisedDays", "The promised limit (承诺时限) " + promised
                    + " working days exceeds the statutory limit " + statutory + ". Promise at most " + statutory
                    + ".");
        }
        List<Level> filing = filingLevels(m, path, deciding);
        List<Material> materials = items(m, path, "materials", this::material);
        List<FormField> fields = items(m, path, "fields", this::field);
        List<Step> steps = items(m, path, "steps", this::step);
        if (!m.containsKey("steps")) {
            problem(path + ".steps", "Required: the flow, a list of steps from ACCEPT to ISSUE.");
        }
        duplicateCodes(materials.stream().map(Material::code).toList(), path + ".materials", "material");
        duplicateCodes(fields.stream().map(FormField::code).toList(), path + ".fields", "field");
        duplicateCodes(steps.stream().map(Step::code).toList(), path + ".steps", "step");
        boolean allStepsRead = m.get("steps") instanceof List<?> raw && raw.size() == steps.size();
        if (deciding != null && promised != null && !filing.isEmpty() && allStepsRead) {
            flow(path, deciding, filing, promised, steps);
        }
        if (problems.size() > before) {
            return null;
        }
        return new MatterDefinition(code, name, category, deciding, department, legalBasis, statutory, promised,
                promisedIsDemo, fees, filing, materials, fields, steps, notes);
    }

    private void flow(String path, Level deciding, List<Level> filing, int promised, List<Step> steps) {
        String sp = path + ".steps";
        if (steps.isEmpty()) {
            problem(sp, "The flow has no steps. Start with ACCEPT, include one DECIDE and end with ISSUE.");
            return;
        }
        Level highestFiling = filing.stream().max(GuideValidator::compare).orElseThrow();
        Step first = steps.getFirst();
        if (first.kind() != StepKind.ACCEPT) {
            problem(sp + "[0].kind", "The first step must be ACCEPT (受理), not " + first.kind() + ".");
        } else {
            if (!filing.contains(first.level())) {
                problem(sp + "[0].level", "The ACCEPT step is at " + first.level()
                        + ", which is not a filing level of this matter " + filing + ". Accept at a filing level.");
            }
            if (first.role() != Role.CLERK) {
                problem(sp + "[0].role", "The ACCEPT step is done by a CLERK (窗口受理), not " + first.role() + ".");
            }
        }
        Step last = steps.getLast();
        if (last.kind() != StepKind.ISSUE) {
            problem(sp + "[" + (steps.size() - 1) + "].kind", "The last step must be ISSUE (发证/送达), not "
                    + last.kind() + ".");
        }
        List<Integer> decides = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            total += s.limitDays();
            String p = sp + "[" + i + "]";
            if (s.kind() == StepKind.DECIDE) {
                decides.add(i);
                if (s.level() != deciding) {
                    problem(p + ".level", "The DECIDE step must be at the matter's deciding level " + deciding
                            + ", not " + s.level() + ".");
                }
                if (s.role() != Role.APPROVER) {
                    problem(p + ".role", "The DECIDE step is done by an APPROVER, not " + s.role() + ".");
                }
            }
            if (s.kind() == StepKind.ACCEPT && i > 0) {
                problem(p + ".kind", "Only the first step may be ACCEPT.");
            }
            if (s.kind() == StepKind.ISSUE && i < steps.size() - 1) {
                problem(p + ".kind", "Only the last step may be ISSUE.");
            }
            levelInRange(p + ".level", s.level(), highestFiling, deciding);
            if (s.kind() == StepKind.JOINT_REVIEW) {
                jointReview(p, s, highestFiling, deciding);
            } else if (!s.parties().isEmpty()) {
                problem(p + ".parties", "Only a JOINT_REVIEW step has parties; remove them or make the step "
                        + "JOINT_REVIEW.");
            }
        }
        if (decides.isEmpty()) {
            problem(sp, "The flow has no DECIDE step. Add exactly one, at " + deciding + " by an APPROVER.");
        } else if (decides.size() > 1) {
            problem(sp + "[" + decides.get(1) + "].kind", "The flow has " + decides.size()
                    + " DECIDE steps; keep exactly one.");
        }
        if (total > promised) {
            problem(sp, "The step limits add up to " + total + " working days, more than the promised "
                    + promised + ". Shorten the steps or promise more days.");
        }
    }

    private void jointReview(String p, Step s, Level highestFiling, Level deciding) {
        if (s.parties().size() < 2) {
            problem(p + ".parties", "A JOINT_REVIEW (并联会审) step needs at least 2 parties; it has "
                    + s.parties().size() + ".");
        }
        Set<String> codes = new HashSet<>();
        for (int j = 0; j < s.parties().size(); j++) {
            Party party = s.parties().get(j);
            String pp = p + ".parties[" + j + "]";
            if (!codes.add(party.code())) {
                problem(pp + ".code", "Party code \"" + party.code() + "\" is used twice in this step; give each "
                        + "party its own code.");
            }
            levelInRange(pp + ".level", party.level(), highestFiling, deciding);
        }
    }

    private void levelInRange(String field, Level level, Level highestFiling, Level deciding) {
        if (compare(level, highestFiling) < 0) {
            problem(field, level + " is below the filing level " + highestFiling
                    + ": a case filed there has no region at that level. Use " + highestFiling + " or higher.");
        } else if (compare(level, deciding) > 0) {
            problem(field, level + " is above the deciding level " + deciding
                    + ": a matter decided at " + deciding + " does not go up to " + level + ".");
        }
    }

    /** COUNTY < CITY < PROVINCE. */
    static int compare(Level a, Level b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static int rank(Level l) {
        return switch (l) {
            case COUNTY -> 0;
            case CITY -> 1;
            case PROVINCE -> 2;
        };
    }

    private List<Level> filingLevels(Map<?, ?> m, String path, Level deciding) {
        Object raw = m.get("filingLevels");
        if (raw == null) {
            return List.of(Level.COUNTY);
        }
        String p = path + ".filingLevels";
        Collection<?> values = raw instanceof Collection<?> c ? c
                : Arrays.asList(raw.toString().split("\\s*[,;]\\s*"));
        EnumSet<Level> levels = EnumSet.noneOf(Level.class);
        int i = 0;
        for (Object v : values) {
            Level l = enumValue(v, p + "[" + i++ + "]", Level.class);
            if (l != null) {
                levels.add(l);
                if (deciding != null && compare(l, deciding) > 0) {
                    problem(p, "Filing level " + l + " is above the deciding level " + deciding + ".");
                }
            }
        }
        if (values.isEmpty()) {
            problem(p, "List at least one filing level (usually COUNTY), or leave the field out for COUNTY.");
        }
        return levels.stream().sorted(GuideValidator::compare).toList();
    }

    private Material material(Map<?, ?> m, String path) {
        unknownKeys(m, MATERIAL_KEYS, path);
        String code = code(m, path);
        String name = requiredText(m, path, "name", 300);
        boolean required = bool(m, path, "required", true);
        MaterialForm form = requiredEnum(m, path, "form", MaterialForm.class);
        Integer copies = m.containsKey("copies") ? positiveInt(m, path, "copies", true) : Integer.valueOf(1);
        String format = optionalText(m, path, "format", 200);
        String notes = optionalText(m, path, "notes", 1000);
        return code == null || name == null || form == null || copies == null ? null
                : new Material(code, name, required, form, copies, format, notes);
    }

    private FormField field(Map<?, ?> m, String path) {
        unknownKeys(m, FIELD_KEYS, path);
        String code = code(m, path);
        String name = requiredText(m, path, "name", 200);
        FieldType type = requiredEnum(m, path, "type", FieldType.class);
        boolean required = bool(m, path, "required", false);
        return code == null || name == null || type == null ? null : new FormField(code, name, type, required);
    }

    private Step step(Map<?, ?> m, String path) {
        unknownKeys(m, STEP_KEYS, path);
        String code = code(m, path);
        String name = requiredText(m, path, "name", 200);
        StepKind kind = requiredEnum(m, path, "kind", StepKind.class);
        Level level = requiredEnum(m, path, "level", Level.class);
        Role role = requiredEnum(m, path, "role", Role.class);
        if (role != null && !role.isOfficial()) {
            problem(path + ".role", "A step is handled by CLERK, REVIEWER or APPROVER, not " + role + ".");
            role = null;
        }
        Integer limit = positiveInt(m, path, "limitDays", true);
        List<Party> parties = items(m, path, "parties", this::party);
        return code == null || name == null || kind == null || level == null || role == null || limit == null
                ? null : new Step(code, name, kind, level, role, limit, parties);
    }

    private Party party(Map<?, ?> m, String path) {
        unknownKeys(m, PARTY_KEYS, path);
        String code = code(m, path);
        String name = requiredText(m, path, "name", 200);
        Level level = requiredEnum(m, path, "level", Level.class);
        Role role = requiredEnum(m, path, "role", Role.class);
        if (role != null && !role.isOfficial()) {
            problem(path + ".role", "A party is a CLERK, REVIEWER or APPROVER, not " + role + ".");
            role = null;
        }
        return code == null || name == null || level == null || role == null ? null
                : new Party(code, name, level, role);
    }

    private interface ItemReader<T> {
        T read(Map<?, ?> m, String path);
    }

    private <T> List<T> items(Map<?, ?> m, String path, String key, ItemReader<T> reader) {
        Object raw = m.get(key);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            problem(path + "." + key, "\"" + key + "\" must be a list.");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String p = path + "." + key + "[" + i + "]";
            Map<?, ?> item = object(list.get(i), p);
            T t = item == null ? null : reader.read(item, p);
            if (t != null) {
                result.add(t);
            }
        }
        return result;
    }

    private void duplicateCodes(List<String> codes, String path, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i))) {
                problem(path + "[" + i + "].code", "The " + what + " code \"" + codes.get(i)
                        + "\" is used twice in this matter; give each " + what + " its own code.");
            }
        }
    }

    private Map<?, ?> object(Object o, String path) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        problem(path, "Expected an object with named fields here.");
        return null;
    }

    private void unknownKeys(Map<?, ?> m, Set<String> known, String path) {
        for (Object k : m.keySet()) {
            String key = String.valueOf(k);
            if (!key.startsWith("__") && !known.contains(key)) {
                problem(path + "." + key, "Unknown field \"" + key + "\". Known fields: "
                        + known.stream().sorted().collect(Collectors.joining(", ")) + ".");
            }
        }
    }

    private String code(Map<?, ?> m, String path) {
        String code = requiredText(m, path, "code", 40);
        if (code != null && !CODE.matcher(code).matches()) {
            problem(path + ".code", "Code \"" + code + "\" may use only letters, digits, '-', '_' and '.' "
                    + "(at most 40).");
            return null;
        }
        return code;
    }

    private String requiredText(Map<?, ?> m, String path, String key, int max) {
        String s = text(m, path, key, max);
        if (s == null || s.isEmpty()) {
            if (s != null || !problemAt(path + "." + key)) {
                problem(path + "." + key, "Required: fill in \"" + key + "\".");
            }
            return null;
        }
        return s;
    }

    private String optionalText(Map<?, ?> m, String path, String key, int max) {
        String s = text(m, path, key, max);
        return s == null ? "" : s;
    }

    private String text(Map<?, ?> m, String path, String key, int max) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
            problem(path + "." + key, "\"" + key + "\" must be text, not a list or object.");
            return null;
        }
        String s = v.toString().strip();
        if (s.length() > max) {
            problem(path + "." + key, "Too long (" + s.length() + " characters); at most " + max + ".");
            return null;
        }
        return s;
    }

    private <E extends Enum<E>> E requiredEnum(Map<?, ?> m, String path, String key, Class<E> type) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            problem(path + "." + key, "Required: one of " + values(type) + ".");
            return null;
        }
        return enumValue(v, path + "." + key, type);
    }

    private <E extends Enum<E>> E enumValue(Object v, String field, Class<E> type) {
        String s = v.toString().strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        problem(field, "\"" + v + "\" is not allowed here; use one of " + values(type) + ".");
        return null;
    }

    private static String values(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private Integer positiveInt(Map<?, ?> m, String path, String key, boolean required) {
        Object v = m.get(key);
        String field = path + "." + key;
        if (v == null) {
            if (required) {
                problem(field, "Required: a whole number of working days (at least 1).");
            }
            return null;
        }
        long n;
        if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
            n = num.longValue();
        } else {
            try {
                n = Long.parseLong(v.toString().strip());
            } catch (NumberFormatException e) {
                problem(field, "\"" + v + "\" is not a whole number. Write a number such as 20.");
                return null;
            }
        }
        if (n < 1 || n > 10_000) {
            problem(field, "Must be a positive whole number (at least 1), not " + n + ".");
            return null;
        }
        return (int) n;
    }

    private boolean bool(Map<?, ?> m, String path, String key, boolean dflt) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().strip().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        problem(path + "." + key, "\"" + v + "\" is not true or false.");
        return dflt;
    }

    private boolean problemAt(String path) {
        String place = guide.place(path);
        return problems.stream().anyMatch(p -> p.field().equals(place));
    }

    private void problem(String path, String message) {
        problems.add(new FieldProblem(guide.place(path), message));
    }
}
