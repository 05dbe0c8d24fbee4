package org.lianban.stats.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.lianban.cases.CaseStatus;

/**
 * Additive counts over a set of cases: the one place figures are counted, whether from case facts directly or from
 * stored monthly tallies ({@link MonthTallies}), so both paths give identical results. Plain data, serialisable as
 * JSON; exact (integers only: working days in hundredths).
 */
public final class Tally {

    /** Indexes into a count row. */
    public static final int CASES = 0, COMPLETED = 1, IN_PROGRESS = 2, REFUSED = 3, DENIED = 4, WITHDRAWN = 5,
            ON_TIME = 6, LATE = 7, WORKING_CD = 8, WIDTH = 9;

    /** Totals. */
    public long[] t = new long[WIDTH];
    /** Completed cases' working days ×100 → number of cases (exact median). */
    public Map<Integer, Long> h = new HashMap<>();
    /** "stepCode|partyCode|LEVEL" → {completed cases that went through it, working days ×100}. */
    public Map<String, long[]> s = new HashMap<>();
    /** matter code → counts. */
    public Map<String, long[]> m = new HashMap<>();
    /** filing region code → counts. */
    public Map<String, long[]> r = new HashMap<>();
    /** day of receipt (ISO date) → counts. */
    public Map<String, long[]> d = new HashMap<>();

    public void add(CaseFact f) {
        count(f, 1);
    }

    /**
     * Takes a counted fact out again (a stored tally following a change of its case): counts left at zero are
     * dropped, so the tally is the one of the remaining facts.
     */
    public void remove(CaseFact f) {
        count(f, -1);
        m.values().removeIf(v -> v[CASES] == 0);
        r.values().removeIf(v -> v[CASES] == 0);
        d.values().removeIf(v -> v[CASES] == 0);
        h.values().removeIf(n -> n == 0);
        s.values().removeIf(v -> v[0] == 0);
    }

    private void count(CaseFact f, int sign) {
        if (add(f.regionCode(), f.matterCode(), f.receivedOn().toString(), f.status(), f.finished(), f.workingCd(),
                f.onTime(), sign)) {
            f.stepCd().forEach((k, v) -> addStep(k, v, sign));
        }
    }

    /**
     * {@link #add(CaseFact)} from a fact's stored columns, without building the fact (summaries count tens of
     * thousands of rows): {@code stepCd} as stored, "code|party|LEVEL=cd;..." (keys unique, see
     * {@link CaseFact#encodeSteps}).
     */
    public void add(String regionCode, String matterCode, String day, CaseStatus status, boolean finished,
            Integer workingCd, Boolean onTime, String stepCd) {
        if (add(regionCode, matterCode, day, status, finished, workingCd, onTime, 1) && stepCd != null) {
            for (int start = 0, end; start < stepCd.length(); start = end + 1) {
                end = stepCd.indexOf(';', start);
                if (end < 0) {
                    end = stepCd.length();
                }
                int eq = stepCd.lastIndexOf('=', end - 1);
                addStep(stepCd.substring(start, eq), Integer.parseInt(stepCd, eq + 1, end, 10), 1);
            }
        }
    }

    /** Counts one case (sign 1) or takes it out (-1); true when it is completed (its steps count too). */
    private boolean add(String regionCode, String matterCode, String day, CaseStatus status, boolean finished,
            Integer workingCd, Boolean onTime, int sign) {
        long[] row = new long[WIDTH];
        row[CASES] = sign;
        boolean completed = finished
                && (status == CaseStatus.ISSUED || status == CaseStatus.APPROVED || status == CaseStatus.DENIED);
        if (completed) {
            row[COMPLETED] = sign;
            if (status == CaseStatus.DENIED) {
                row[DENIED] = sign;
            }
            if (Boolean.TRUE.equals(onTime)) {
                row[ON_TIME] = sign;
            } else if (Boolean.FALSE.equals(onTime)) {
                row[LATE] = sign;
            }
            int cd = workingCd == null ? 0 : workingCd;
            row[WORKING_CD] = (long) sign * cd;
            h.merge(cd, (long) sign, Long::sum);
        } else if (!finished) {
            row[IN_PROGRESS] = sign;
        } else if (status == CaseStatus.REFUSED) {
            row[REFUSED] = sign;
        } else {
            row[WITHDRAWN] = sign;
        }
        plus(t, row);
        plus(m.computeIfAbsent(matterCode, x -> new long[WIDTH]), row);
        plus(r.computeIfAbsent(regionCode, x -> new long[WIDTH]), row);
        plus(d.computeIfAbsent(day, x -> new long[WIDTH]), row);
        return completed;
    }

    private void addStep(String key, int cd, int sign) {
        long[] st = s.computeIfAbsent(key, x -> new long[2]);
        st[0] += sign;
        st[1] += (long) sign * cd;
    }

    public void merge(Tally o) {
        plus(t, o.t);
        o.h.forEach((k, v) -> h.merge(k, v, Long::sum));
        o.s.forEach((k, v) -> plus(s.computeIfAbsent(k, x -> new long[2]), v));
        o.m.forEach((k, v) -> plus(m.computeIfAbsent(k, x -> new long[WIDTH]), v));
        o.r.forEach((k, v) -> plus(r.computeIfAbsent(k, x -> new long[WIDTH]), v));
        o.d.forEach((k, v) -> plus(d.computeIfAbsent(k, x -> new long[WIDTH]), v));
    }

    /** Median of the completed cases' working days ×100, as a half-up value in hundredths; null when none. */
    public Long medianCd() {
        long n = t[COMPLETED];
        if (n == 0) {
            return null;
        }
        TreeMap<Integer, Long> sorted = new TreeMap<>(h);
        long lowRank = (n - 1) / 2, highRank = n / 2, seen = 0;
        Integer low = null, high = null;
        for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
            long next = seen + e.getValue();
            if (low == null && lowRank < next) {
                low = e.getKey();
            }
            if (highRank < next) {
                high = e.getKey();
                break;
            }
            seen = next;
        }
        // the mean of the two middle values, in hundredths: (a+b)/2 rounded half up
        return Math.floorDiv((long) low + high + 1, 2);
    }

    /** The earliest day of receipt counted, or null. */
    public LocalDate firstDay() {
        return d.keySet().stream().min(String::compareTo).map(LocalDate::parse).orElse(null);
    }

    private static void plus(long[] into, long[] add) {
        for (int i = 0; i < add.length; i++) {
            into[i] += add[i];
        }
    }
}
