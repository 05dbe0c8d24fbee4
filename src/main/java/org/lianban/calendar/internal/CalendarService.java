package org.lianban.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.lianban.calendar.CalendarAdmin;
import org.lianban.calendar.WorkingCalendar;
import org.lianban.common.ApiException;
import org.lianban.common.ClockConfig;
import org.lianban.common.TableLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar: rows in the database, arithmetic on an in-memory {@link CalendarData} snapshot that is swapped
 * atomically after an administrator changes a year (readers never lock and never see half a change). On first start
 * (every profile: this is reference data) the shipped file fills the tables, once even when several nodes start
 * together. A change made on another node is picked up by {@link #reloadIfChangedElsewhere()}, a cheap periodic check.
 */
@Service
class CalendarService implements WorkingCalendar, CalendarAdmin {

    static final String FILE = "data/cn-holidays.csv";
    static final String FILE_SOURCE = "cn-holidays.csv: State Council General Office notices (see SOURCES.md)";
    static final String SYSTEM = "system";
    static final int MIN_YEAR = 1950;
    static final int MAX_YEAR = 2200;

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    /**
     * What the periodic check compares: every year's {@code updated_at} (a replaced year is written anew, with the
     * clock's time) and the number of day rows. Cheap: about one row per covered year.
     */
    record Signature(List<String> years, long days) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TableLock lock;
    private volatile CalendarData data;
    private Signature signature;

    CalendarService(JdbcClient jdbc, TransactionTemplate tx, Clock clock, TableLock lock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.lock = lock;
        loadShippedFileIfEmpty();
        this.signature = readSignature();
        this.data = readSnapshot();
        Coverage c = coverage();
        if (c.warning() != null) {
            log.warn(c.warning());
        } else {
            log.info("Working-day calendar covers {}", c.coveredYears());
        }
    }

    /** Fills empty tables from the shipped file, under a {@link TableLock} with a re-check; true if this call did. */
    boolean loadShippedFileIfEmpty() {
        if (yearCount() > 0) {
            return false;
        }
        List<DayEntry> rows;
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            rows = DayRows.readCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + FILE, e);
        }
        Map<Integer, List<DayEntry>> byYear = rows.stream().collect(Collectors.groupingBy(
                r -> Integer.parseInt(r.date().trim().substring(0, 4)), TreeMap::new, Collectors.toList()));
        Boolean loaded = tx.execute(s -> {
            lock.exclusive("calendar_year");
            if (yearCount() > 0) {
                return false;
            }
            byYear.forEach((year, entries) -> {
                try {
                    store(year, DayRows.validate(year, entries), FILE_SOURCE, SYSTEM);
                } catch (ApiException e) {
                    throw new IllegalStateException("Invalid " + FILE + " for " + year + ": " + e.errors(), e);
                }
            });
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("Loaded {} calendar days for {} from {}", rows.size(), byYear.keySet(), FILE);
        } else {
            log.info("Another node loaded the working-day calendar at the same time");
        }
        return Boolean.TRUE.equals(loaded);
    }

    private int yearCount() {
        return jdbc.sql("select count(*) from calendar_year").query(Integer.class).single();
    }

    private Signature readSignature() {
        List<String> years = jdbc.sql("select year_number, updated_at from calendar_year order by year_number")
                .query((rs, n) -> rs.getInt(1) + "@" + rs.getObject(2, OffsetDateTime.class).toInstant())
                .list();
        long days = jdbc.sql("select count(*) from calendar_day").query(Long.class).single();
        return new Signature(years, days);
    }

    /**
     * Reloads the snapshot when the tables changed since this node last read them, i.e. when an administrator
     * replaced a year on another node. Runs every {@code lianban.calendar.refresh-interval} (default one minute):
     * one small query when nothing changed. The signature is read before the snapshot, so a change landing in
     * between is reloaded again by the next check rather than missed.
     *
     * @return whether a new snapshot was swapped in
     */
    @Scheduled(fixedDelayString = "${lianban.calendar.refresh-interval:PT1M}",
            initialDelayString = "${lianban.calendar.refresh-interval:PT1M}")
    synchronized boolean reloadIfChangedElsewhere() {
        Signature now = readSignature();
        if (now.equals(signature)) {
            return false;
        }
        signature = now;
        data = readSnapshot();
        log.info("Working-day calendar changed on another node: reloaded, covers {}", data.coveredYears());
        return true;
    }

    private CalendarData readSnapshot() {
        Map<Integer, List<Day>> byYear = new TreeMap<>();
        jdbc.sql("select year_number from calendar_year").query(Integer.class).list()
                .forEach(y -> byYear.put(y, new ArrayList<>()));
        for (Day d : jdbc.sql("select day_date, kind, name from calendar_day").query(CalendarService::day).list()) {
            // a day of a year without a calendar_year row would make that year look covered: ignore it
            List<Day> days = byYear.get(d.date().getYear());
            if (days != null) {
                days.add(d);
            }
        }
        return new CalendarData(byYear);
    }

    private static Day day(ResultSet rs, int n) throws SQLException {
        return new Day(rs.getObject("day_date", LocalDate.class), Kind.valueOf(rs.getString("kind")),
                rs.getString("name"));
    }

    private void store(int year, List<Day> days, String source, String actor) {
        jdbc.sql("delete from calendar_day where day_date between ? and ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).update();
        jdbc.sql("delete from calendar_year where year_number = ?").param(year).update();
        jdbc.sql("insert into calendar_year (year_number, source, updated_at, updated_by) values (?, ?, ?, ?)")
                .params(year, source, OffsetDateTime.ofInstant(clock.instant(), ClockConfig.CHINA), actor).update();
        for (Day d : days) {
            jdbc.sql("insert into calendar_day (day_date, kind, name) values (?, ?, ?)")
                    .params(d.date(), d.kind().name(), d.name()).update();
        }
    }

    // ---- WorkingCalendar: one volatile read, then pure arithmetic ----

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return data.isWorkingDay(date);
    }

    @Override
    public LocalDate deadline(LocalDate start, int days) {
        return data.deadline(start, days);
    }

    @Override
    public Instant dueAt(Instant start, int days) {
        return data.dueAt(start, days);
    }

    @Override
    public BigDecimal workingDays(Instant from, Instant to) {
        return data.workingDays(from, to);
    }

    @Override
    public Set<Integer> coveredYears() {
        return data.coveredYears();
    }

    // ---- CalendarAdmin ----

    /**
     * Synchronized so that two administrators' changes on this node are stored and swapped in the same order; the
     * {@link TableLock} does the same for administrators on different nodes (else both would insert the year's row).
     */
    @Override
    public synchronized Year replaceYear(int year, List<DayEntry> rows, String source, String actor) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ApiException.badRequest("year", "The year must be between " + MIN_YEAR + " and " + MAX_YEAR + ".");
        }
        List<Day> days = DayRows.validate(year, rows);
        String src = source == null || source.isBlank() ? "entered by an administrator" : source.trim();
        if (src.length() > 200) {
            throw ApiException.badRequest("source", "The source is longer than 200 characters.");
        }
        tx.executeWithoutResult(s -> {
            lock.exclusive("calendar_year");
            store(year, days, src, actor);
        });
        signature = readSignature();
        data = readSnapshot();
        log.info("Calendar year {} replaced by an administrator: {} rows", year, days.size());
        return years().stream().filter(y -> y.year() == year).findFirst().orElseThrow();
    }

    @Override
    public List<DayEntry> readCsv(String csv) {
        return DayRows.readCsv(csv);
    }

    @Override
    public List<Year> years() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select extract(year from day_date) as y, kind, count(*) as n from calendar_day "
                        + "group by extract(year from day_date), kind")
                .query(rs -> {
                    counts.put(rs.getInt("y") + rs.getString("kind"), rs.getInt("n"));
                });
        return jdbc.sql("select year_number, source, updated_at, updated_by from calendar_year "
                        + "order by year_number")
                .query((rs, n) -> {
                    int year = rs.getInt("year_number");
                    return new Year(year, rs.getString("source"),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"),
                            counts.getOrDefault(year + Kind.HOLIDAY.name(), 0),
                            counts.getOrDefault(year + Kind.WORKDAY.name(), 0));
                })
                .list();
    }

    @Override
    public List<Day> days(int year) {
        return jdbc.sql("select day_date, kind, name from calendar_day where day_date between ? and ? "
                        + "order by day_date")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query(CalendarService::day).list();
    }

    @Override
    public Coverage coverage() {
        return data.coverage(LocalDate.now(clock.withZone(ClockConfig.CHINA)).getYear());
    }
}
