package org.lianban.stats.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lianban.common.Level;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stored {@link Tally}s per month of receipt and area ({@code stats_month}): a summary over a long period reads one
 * row per month instead of every case. Only months before last month are stored (recent months still change as
 * their cases progress); a month is built on first use from the facts and deleted whenever a case received in it
 * changes, so stored figures always equal the facts'.
 */
@Repository
public class MonthTallies {

    private static final Logger log = LoggerFactory.getLogger(MonthTallies.class);

    private final JdbcClient jdbc;
    private final FactStore facts;
    private final Regions regions;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JsonMapper json = JsonMapper.builder().build();

    public MonthTallies(JdbcClient jdbc, FactStore facts, Regions regions, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.regions = regions;
        this.clock = clock;
        this.tx = tx;
    }

    /** The first month that is never stored: last month (its cases are still moving). */
    public LocalDate horizon() {
        return LocalDate.now(clock).withDayOfMonth(1).minusMonths(1);
    }

    /**
     * Forgets the stored tallies of the month containing {@code day}: a case received that month changed. One statement
     * when the month is not stored (the usual case: most events concern recent cases, and recent months are never
     * stored); the tallies are written together with their month's "built" row, so without it there are none.
     */
    public void invalidate(LocalDate day) {
        LocalDate month = day.withDayOfMonth(1);
        if (jdbc.sql("delete from stats_month_built where month_start = ?").param(month).update() > 0) {
            jdbc.sql("delete from stats_month where month_start = ?").param(month).update();
        }
    }

    /** Whether the month containing {@code day} has stored tallies. */
    public boolean isStored(LocalDate day) {
        return jdbc.sql("select count(*) from stats_month_built where month_start = ?").param(day.withDayOfMonth(1))
                .query(Long.class).single() > 0;
    }

    /**
     * Moves a case from {@code before} to {@code after} in the stored tallies of its month (its filing region and each
     * ancestor) instead of forgetting the month, which the next summary would rebuild from all its facts. Locks those
     * rows in the order of their codes, so two changes never wait for each other crosswise. Forgets the month(s) when
     * it cannot: the case changed month or region, or a row is missing.
     */
    public void change(CaseFact before, CaseFact after) {
        LocalDate month = after.receivedOn().withDayOfMonth(1);
        if (!before.receivedOn().withDayOfMonth(1).equals(month) || !before.regionCode().equals(after.regionCode())) {
            invalidate(before.receivedOn());
            invalidate(after.receivedOn());
            return;
        }
        List<String> scopes = scopes(after.regionCode()).stream().sorted().toList();
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        List<Object> params = new java.util.ArrayList<>(List.of(month));
        params.addAll(scopes);
        jdbc.sql("select scope_code, tally from stats_month where month_start = ? and scope_code in ("
                + String.join(",", scopes.stream().map(x -> "?").toList()) + ") order by scope_code for update")
                .params(params).query(rs -> {
                    rows.put(rs.getString(1), rs.getString(2));
                });
        if (rows.size() != scopes.size()) {
            invalidate(month);
            return;
        }
        rows.forEach((scope, text) -> {
            Tally t = json.readValue(text, Tally.class);
            t.remove(before);
            t.add(after);
            jdbc.sql("update stats_month set tally = ? where month_start = ? and scope_code = ?")
                    .params(json.writeValueAsString(t), month, scope).update();
        });
    }

    /** Forgets the stored tallies of every month from {@code from} to {@code to}: cases were written directly. */
    public void invalidate(LocalDate from, LocalDate to) {
        jdbc.sql("delete from stats_month where month_start >= ? and month_start <= ?")
                .params(from.withDayOfMonth(1), to).update();
        jdbc.sql("delete from stats_month_built where month_start >= ? and month_start <= ?")
                .params(from.withDayOfMonth(1), to).update();
    }

    /**
     * The tallies of {@code scopeCode}'s area for months before the horizon (first days of months), building the
     * months not stored yet (for every area at once). A month another request is building right now is left out: the
     * caller counts its facts. Two queries for any number of stored months.
     */
    public Map<LocalDate, Tally> tallies(List<LocalDate> wanted, String scopeCode) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        LocalDate first = wanted.getFirst(), last = wanted.getLast();
        java.util.Set<LocalDate> built = new java.util.HashSet<>(jdbc.sql(
                "select month_start from stats_month_built where month_start >= ? and month_start <= ?")
                .params(first, last).query(LocalDate.class).list());
        java.util.Set<LocalDate> usable = new java.util.HashSet<>(built);
        for (LocalDate month : wanted) {
            if (!built.contains(month) && build(month)) {
                usable.add(month);
            }
        }
        Map<LocalDate, Tally> out = new HashMap<>();
        jdbc.sql("select month_start, tally from stats_month where scope_code = ? and month_start >= ? "
                + "and month_start <= ?").params(scopeCode, first, last).query(rs -> {
                    LocalDate month = rs.getObject(1, LocalDate.class);
                    if (usable.contains(month)) {
                        out.put(month, json.readValue(rs.getString(2), Tally.class));
                    }
                });
        for (LocalDate month : wanted) {
            if (usable.contains(month)) {
                out.putIfAbsent(month, new Tally()); // stored, but no case of this area that month
            }
        }
        return out;
    }

    /** Counts a month's facts into one tally per area (province, city, county) and stores them in one transaction. */
    boolean build(LocalDate month) {
        Map<String, Tally> byScope = new HashMap<>();
        facts.scan(month, month.plusMonths(1), null, null, null, false, f -> {
            for (String scope : scopes(f.regionCode())) {
                byScope.computeIfAbsent(scope, s -> new Tally()).add(f);
            }
        });
        try {
            tx.executeWithoutResult(s -> {
                jdbc.sql("insert into stats_month_built (month_start, built_at) values (?, ?)")
                        .params(month, OffsetDateTime.now(clock)).update();
                byScope.forEach((scope, t) -> jdbc.sql(
                        "insert into stats_month (month_start, scope_code, tally) values (?, ?, ?)")
                        .params(month, scope, json.writeValueAsString(t)).update());
            });
            log.debug("Stored monthly tallies of {} for {} areas", month, byScope.size());
            return true;
        } catch (DuplicateKeyException concurrent) {
            return false;
        }
    }

    /** The areas a case filed at {@code regionCode} counts in: the region and each of its ancestors. */
    private Collection<String> scopes(String regionCode) {
        Optional<Region> region = regions.find(regionCode);
        if (region.isEmpty()) {
            return List.of(regionCode);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Level l : Level.values()) {
            regions.ancestorAt(regionCode, l).ifPresent(a -> out.add(a.code()));
        }
        return out;
    }
}
