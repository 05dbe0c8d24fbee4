package org.lianban.stats.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lianban.cases.CaseStatus;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.ClockConfig;

/**
 * Turns a case's stored rows into its {@link CaseFact}: plain Java, shared by the event path and the bulk loader so
 * both produce the same figures. Nothing is recomputed: working days are read as the case module stored them.
 */
public final class FactDeriver {

    /** The columns of {@code case_file} statistics read. */
    public record CaseRow(long id, String number, int version, String regionCode, String matterCode,
            long matterVersionId, CaseStatus status, Instant finishedAt, BigDecimal workingDays, Instant dueAt) {}

    /** The columns of one {@code case_step} (timeline) row statistics read. */
    public record StepRow(int seq, String stepCode, String partyCode, String level, Instant startedAt,
            Instant finishedAt, BigDecimal workingDays) {}

    private FactDeriver() {}

    /** @return null for a case never submitted (no timeline yet) */
    public static CaseFact derive(CaseRow c, List<StepRow> steps, MatterVersion matter) {
        if (steps.isEmpty()) {
            return null;
        }
        StepRow first = steps.stream().min(Comparator.comparingInt(StepRow::seq)).orElseThrow();
        LocalDate receivedOn = LocalDate.ofInstant(first.startedAt(), ClockConfig.CHINA);
        Map<String, Integer> stepCd = new LinkedHashMap<>();
        for (StepRow s : steps) {
            if (s.finishedAt() != null && s.workingDays() != null) {
                stepCd.merge(s.stepCode() + "|" + s.partyCode() + "|" + s.level(), cd(s.workingDays()), Integer::sum);
            }
        }
        boolean finished = c.finishedAt() != null || c.status().isFinal();
        Boolean onTime = finished && c.dueAt() != null && c.finishedAt() != null
                ? !c.finishedAt().isAfter(c.dueAt()) : null;
        return new CaseFact(c.id(), c.number(), c.version(), c.regionCode(), c.matterCode(), c.matterVersionId(),
                matter.category(), receivedOn, c.status(), finished,
                finished ? cd(c.workingDays() == null ? BigDecimal.ZERO : c.workingDays()) : null, onTime, stepCd);
    }

    /** Working days (2 decimals) as hundredths. */
    static int cd(BigDecimal days) {
        return days == null ? 0 : days.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }
}
