package org.lianban.stats.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.lianban.cases.Cases;
import org.lianban.cases.DeadlineWarning;
import org.lianban.cases.Warning;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.common.ApiException;
import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.lianban.stats.Statistics;
import org.lianban.stats.StatsQuery;
import org.lianban.stats.StatsSummary;
import org.lianban.stats.StatsSummary.LevelRow;
import org.lianban.stats.StatsSummary.MatterRow;
import org.lianban.stats.StatsSummary.OverdueCase;
import org.lianban.stats.StatsSummary.RegionRow;
import org.lianban.stats.StatsSummary.StepRow;
import org.lianban.stats.StatsSummary.WeekRow;
import org.springframework.stereotype.Service;

/**
 * Computes summaries: counts the facts of the period (recent days directly, older whole months from
 * {@link MonthTallies}), then classifies the open cases' deadlines now. Scoping: a supervisor sees its region and
 * below, an official (read-only) its own region and below; nobody sees outside their area.
 */
@Service
class SummaryService implements Statistics {

    private static final int OVERDUE_LIST = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FactStore facts;
    private final MonthTallies months;
    private final Regions regions;
    private final Catalog catalog;
    private final Cases cases;
    private final FactUpdater updater;
    private final OnsetCalendar onsetCalendar;
    private final Clock clock;

    SummaryService(FactStore facts, MonthTallies months, Regions regions, Catalog catalog, Cases cases,
            FactUpdater updater, OnsetCalendar onsetCalendar, Clock clock) {
        this.facts = facts;
        this.updater = updater;
        this.onsetCalendar = onsetCalendar;
        this.months = months;
        this.regions = regions;
        this.catalog = catalog;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public StatsSummary summary(StatsQuery q, CurrentUser user) {
        if (user.role() != Role.SUPERVISOR && !user.role().isOfficial() || user.regionCode() == null) {
            throw ApiException.forbidden("Statistics are for supervisors and officials of a region.");
        }
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate to = q.to() != null ? q.to() : today;
        if (q.from() != null && q.from().isAfter(to)) {
            errors.add(new ApiException.FieldProblem("from", "'from' (" + q.from() + ") must not be after 'to' ("
                    + to + ")."));
        }
        String scope = q.region() == null || q.region().isBlank() ? user.regionCode() : q.region().strip();
        Region area = regions.find(scope).orElse(null);
        if (area == null) {
            errors.add(new ApiException.FieldProblem("region", "Unknown region code '" + scope
                    + "'; use a GB/T 2260 code such as 140000 or 140105."));
        }
        List<MatterVersion> current = catalog.current();
        String matter = blankToNull(q.matter());
        if (matter != null && current.stream().noneMatch(m -> m.code().equals(matter))) {
            errors.add(new ApiException.FieldProblem("matter", "Unknown matter code '" + matter
                    + "'; see GET /api/v1/matters."));
        }
        String category = blankToNull(q.category());
        Set<String> categories = current.stream().map(MatterVersion::category)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (category != null && !categories.contains(category)) {
            errors.add(new ApiException.FieldProblem("category", "Unknown category '" + category + "'; use one of "
                    + String.join(", ", categories) + "."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.getFirst().message(), errors);
        }
        if (!regions.isWithin(scope, user.regionCode())) {
            throw ApiException.forbidden("Region " + scope + " is outside your area (" + user.regionCode() + ").");
        }
        LocalDate from = q.from();
        if (from == null) {
            LocalDate first = facts.firstReceivedOn();
            from = first == null || first.isAfter(to) ? to : first;
        }
        return compute(area, from, to, matter, category, current);
    }

    StatsSummary compute(Region area, LocalDate from, LocalDate to, String matter, String category,
            List<MatterVersion> current) {
        List<String> regionCodes = area.parentCode() == null ? null : regions.all().stream()
                .map(Region::code).filter(c -> regions.isWithin(c, area.code())).toList();
        Tally tally = count(area.code(), regionCodes, from, to.plusDays(1), matter, category);

        Instant now = clock.instant();
        // the open cases of the period, coloured by the case module's own rule: each fact carries when its case turns
        // yellow and red (Cases.deadlineOnset), so one query counts them; the listed red cases are read live
        LocalDate toExclusive = to.plusDays(1);
        onsetCalendar.check();
        List<FactStore.WarningCount> counts = facts.warnings(from, toExclusive, regionCodes, matter, category, now);
        if (counts.stream().anyMatch(c -> c.unknown() > 0)) {
            facts.unknownOnsets(from, toExclusive, regionCodes, matter, category).forEach(updater::refresh);
            counts = facts.warnings(from, toExclusive, regionCodes, matter, category, now);
        }
        long yellow = counts.stream().mapToLong(FactStore.WarningCount::yellow).sum();
        long redCount = counts.stream().mapToLong(FactStore.WarningCount::red).sum();
        Map<String, Long> redByRegion = new HashMap<>();
        counts.stream().filter(c -> c.red() > 0).forEach(c -> redByRegion.put(c.regionCode(), c.red()));
        List<String> firstRed = redCount == 0 ? List.of()
                : facts.red(from, toExclusive, regionCodes, matter, category, now, OVERDUE_LIST);
        List<DeadlineWarning> red = cases.deadlineWarnings(firstRed, now).stream()
                .filter(w -> w.warning() == Warning.RED).toList();
        long[] t = tally.t;
        long completed = t[Tally.COMPLETED];
        Long median = tally.medianCd();
        return new StatsSummary(area.code(), area.name(), from, to, matter, category, t[Tally.CASES], completed,
                t[Tally.IN_PROGRESS], t[Tally.REFUSED], t[Tally.DENIED], t[Tally.WITHDRAWN],
                average(t[Tally.WORKING_CD], completed), median == null ? null : days(median),
                rate(t[Tally.ON_TIME], completed), yellow, redCount, redCount + t[Tally.LATE],
                byLevel(tally), byStep(tally, current), byMatter(tally, current), byRegion(area, tally, redByRegion),
                byWeek(tally, from, to), overdueList(red, current), now);
    }

    /** Counts [from, toExclusive): whole stored months where possible, the facts for the rest. */
    Tally count(String scope, List<String> regionCodes, LocalDate from, LocalDate toExclusive, String matter,
            String category) {
        Tally tally = new Tally();
        if (matter != null || category != null) {
            // stored tallies are per area only: a matter or category filter counts the (indexed) facts
            facts.count(from, toExclusive, regionCodes, matter, category, tally);
            return tally;
        }
        LocalDate horizon = months.horizon();
        List<LocalDate> whole = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1).equals(from) ? from : from.withDayOfMonth(1).plusMonths(1);
                !m.plusMonths(1).isAfter(toExclusive) && m.isBefore(horizon); m = m.plusMonths(1)) {
            whole.add(m);
        }
        Map<LocalDate, Tally> stored = months.tallies(whole, scope);
        LocalDate factsFrom = from;
        for (LocalDate month : whole) {
            Tally t = stored.get(month);
            if (t != null) {
                if (factsFrom.isBefore(month)) {
                    facts.count(factsFrom, month, regionCodes, null, null, tally);
                }
                tally.merge(t);
                factsFrom = month.plusMonths(1);
            }
        }
        if (factsFrom.isBefore(toExclusive)) {
            facts.count(factsFrom, toExclusive, regionCodes, null, null, tally);
        }
        return tally;
    }

    private List<LevelRow> byLevel(Tally tally) {
        Map<Level, Long> cd = new EnumMap<>(Level.class);
        for (Level l : List.of(Level.COUNTY, Level.CITY, Level.PROVINCE)) {
            cd.put(l, 0L);
        }
        tally.s.forEach((key, v) -> cd.merge(Level.valueOf(key.substring(key.lastIndexOf('|') + 1)), v[1], Long::sum));
        long total = cd.values().stream().mapToLong(Long::longValue).sum();
        long completed = tally.t[Tally.COMPLETED];
        List<LevelRow> rows = new ArrayList<>();
        for (Level l : List.of(Level.COUNTY, Level.CITY, Level.PROVINCE)) {
            long v = cd.get(l);
            rows.add(new LevelRow(l.name(), days(v), average(v, completed),
                    total == 0 ? null : BigDecimal.valueOf(v).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP)));
        }
        return rows;
    }

    private List<StepRow> byStep(Tally tally, List<MatterVersion> current) {
        Map<String, String> names = stepNames(current);
        List<StepRow> rows = new ArrayList<>();
        tally.s.forEach((key, v) -> {
            String[] k = key.split("\\|", -1);
            rows.add(new StepRow(k[0], k[1], names.getOrDefault(k[0] + "|" + k[1], k[0]), k[2], v[0], days(v[1]),
                    average(v[1], v[0])));
        });
        rows.sort(Comparator.comparing(StepRow::averageWorkingDays, Comparator.reverseOrder())
                .thenComparing(StepRow::stepCode).thenComparing(StepRow::level));
        return rows;
    }

    /** Step (and joint-review party) names from the current catalog: "code|party" → name. */
    private static Map<String, String> stepNames(List<MatterVersion> current) {
        Map<String, String> names = new HashMap<>();
        for (MatterVersion m : current) {
            for (Step s : m.steps()) {
                names.putIfAbsent(s.code() + "|", s.name());
                for (Party p : s.parties()) {
                    names.putIfAbsent(s.code() + "|" + p.code(), s.name() + "（" + p.name() + "）");
                }
            }
        }
        return names;
    }

    private static List<MatterRow> byMatter(Tally tally, List<MatterVersion> matters) {
        Map<String, MatterVersion> current = matters.stream()
                .collect(Collectors.toMap(MatterVersion::code, m -> m, (a, b) -> a));
        List<MatterRow> rows = new ArrayList<>();
        tally.m.forEach((code, v) -> {
            MatterVersion m = current.get(code);
            rows.add(new MatterRow(code, m == null ? code : m.name(), m == null ? null : m.category(),
                    v[Tally.CASES], v[Tally.COMPLETED], v[Tally.IN_PROGRESS], v[Tally.REFUSED], v[Tally.DENIED],
                    v[Tally.WITHDRAWN], average(v[Tally.WORKING_CD], v[Tally.COMPLETED]),
                    rate(v[Tally.ON_TIME], v[Tally.COMPLETED])));
        });
        rows.sort(Comparator.comparingLong(MatterRow::cases).reversed().thenComparing(MatterRow::matterCode));
        return rows;
    }

    /** Every region below the area (for a county: the county itself), cases rolled up from the filing regions. */
    private List<RegionRow> byRegion(Region area, Tally tally, Map<String, Long> redByRegion) {
        List<Region> below = regions.all().stream()
                .filter(r -> !r.code().equals(area.code()) && regions.isWithin(r.code(), area.code()))
                .sorted(Comparator.comparing(Region::code)).toList();
        if (below.isEmpty()) {
            below = List.of(area);
        }
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Long> reds = new HashMap<>();
        below.forEach(r -> sums.put(r.code(), new long[Tally.WIDTH]));
        for (Region r : below) {
            tally.r.forEach((filing, v) -> {
                if (regions.isWithin(filing, r.code())) {
                    long[] into = sums.get(r.code());
                    for (int i = 0; i < v.length; i++) {
                        into[i] += v[i];
                    }
                }
            });
            redByRegion.forEach((filing, n) -> {
                if (regions.isWithin(filing, r.code())) {
                    reds.merge(r.code(), n, Long::sum);
                }
            });
        }
        return below.stream().map(r -> {
            long[] v = sums.get(r.code());
            return new RegionRow(r.code(), r.name(), r.level().name(), r.parentCode(), v[Tally.CASES],
                    v[Tally.COMPLETED], v[Tally.IN_PROGRESS], average(v[Tally.WORKING_CD], v[Tally.COMPLETED]),
                    rate(v[Tally.ON_TIME], v[Tally.COMPLETED]), reds.getOrDefault(r.code(), 0L));
        }).toList();
    }

    /** One row per week (Monday) from the period's first to its last week, weeks without cases included. */
    private List<WeekRow> byWeek(Tally tally, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
        for (LocalDate w = monday(from); !w.isAfter(to); w = w.plusWeeks(1)) {
            weeks.put(w, new long[Tally.WIDTH]);
        }
        tally.d.forEach((day, v) -> {
            long[] into = weeks.computeIfAbsent(monday(LocalDate.parse(day)), x -> new long[Tally.WIDTH]);
            for (int i = 0; i < v.length; i++) {
                into[i] += v[i];
            }
        });
        return weeks.entrySet().stream().map(e -> new WeekRow(e.getKey(), e.getValue()[Tally.CASES],
                e.getValue()[Tally.COMPLETED], average(e.getValue()[Tally.WORKING_CD], e.getValue()[Tally.COMPLETED])))
                .toList();
    }

    /** Red cases, the longest overdue (earliest due date) first. */
    private List<OverdueCase> overdueList(List<DeadlineWarning> red, List<MatterVersion> current) {
        Map<String, String> matterNames = current.stream()
                .collect(Collectors.toMap(MatterVersion::code, MatterVersion::name, (a, b) -> a));
        return red.stream().sorted(Comparator.comparing(DeadlineWarning::dueDate)
                        .thenComparing(DeadlineWarning::number))
                .limit(OVERDUE_LIST)
                .map(w -> new OverdueCase(w.number(), w.matterCode(),
                        matterNames.getOrDefault(w.matterCode(), w.matterCode()), w.regionCode(),
                        regions.find(w.regionCode()).map(Region::name).orElse(w.regionCode()),
                        w.status().name(), w.currentStepCode(), w.dueDate(), w.workingDaysUsed(), w.limitDays()))
                .toList();
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static BigDecimal days(long centidays) {
        return BigDecimal.valueOf(centidays).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal average(long centidays, long n) {
        return n == 0 ? null : BigDecimal.valueOf(centidays).divide(BigDecimal.valueOf(n * 100), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public byte[] csv(StatsSummary summary, String table) {
        return StatsTables.csv(summary, table);
    }

    @Override
    public byte[] xlsx(StatsSummary summary) {
        return StatsTables.xlsx(summary);
    }
}
