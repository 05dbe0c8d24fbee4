package org.lianban.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Supervision figures (电子监察) for the cases received in a period within an area. Working days are the timelines'
 * own figures (pauses for supplements and special procedures excluded); rates are fractions 0..1.
 *
 * @param cases cases received (first submitted) in the period
 * @param completed of those, decided and finished: certificate issued, approved or denied (办结)
 * @param inProgress of those, not finished yet
 * @param refused of those, refused to accept (不予受理)
 * @param denied of the completed, denied (不予许可)
 * @param withdrawn of those, withdrawn by the applicant
 * @param averageWorkingDays mean working days of the completed cases, null when none
 * @param medianWorkingDays median working days of the completed cases, null when none
 * @param onTimeRate completed cases finished by their due time / completed cases, null when none
 * @param yellow open cases that used 80% of their limit, not yet past due (the case module's warning)
 * @param red open cases past due now (the case module's warning)
 * @param overdue cases past their deadline: red ones plus those completed late
 * @param byLevel working days spent per level by the completed cases (where the time goes)
 * @param byStep working days per step (and party of a joint review) of the completed cases, slowest first
 * @param byRegion every region below the area (cities and counties), including regions without cases
 * @param byWeek cases per week of receipt (weeks start on Monday)
 * @param overdueCases red cases, most overdue first (at most 100)
 */
public record StatsSummary(String region, String regionName, LocalDate from, LocalDate to, String matter,
        String category, long cases, long completed, long inProgress, long refused, long denied, long withdrawn,
        BigDecimal averageWorkingDays, BigDecimal medianWorkingDays, BigDecimal onTimeRate, long yellow, long red,
        long overdue, List<LevelRow> byLevel, List<StepRow> byStep, List<MatterRow> byMatter,
        List<RegionRow> byRegion, List<WeekRow> byWeek, List<OverdueCase> overdueCases, Instant computedAt) {

    /** @param workingDays total working days at this level; share of all steps' working days (0..1) */
    public record LevelRow(String level, BigDecimal workingDays, BigDecimal averagePerCase, BigDecimal share) {}

    /** @param cases completed cases that went through the step */
    public record StepRow(String stepCode, String partyCode, String stepName, String level, long cases,
            BigDecimal workingDays, BigDecimal averageWorkingDays) {}

    public record MatterRow(String matterCode, String matterName, String category, long cases, long completed,
            long inProgress, long refused, long denied, long withdrawn, BigDecimal averageWorkingDays,
            BigDecimal onTimeRate) {}

    public record RegionRow(String regionCode, String regionName, String level, String parentCode, long cases,
            long completed, long inProgress, BigDecimal averageWorkingDays, BigDecimal onTimeRate, long red) {}

    public record WeekRow(LocalDate weekStart, long cases, long completed, BigDecimal averageWorkingDays) {}

    public record OverdueCase(String number, String matterCode, String matterName, String regionCode,
            String regionName, String status, String stepCode, LocalDate dueDate, BigDecimal workingDaysUsed,
            int limitDays) {}
}
