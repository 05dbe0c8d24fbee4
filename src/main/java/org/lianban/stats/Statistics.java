package org.lianban.stats;

import org.lianban.identity.CurrentUser;

/** Supervision statistics for the web layer: figures, and the same tables as CSV or Excel. */
public interface Statistics {

    /**
     * Figures for the caller's area (a supervisor's region and below; an official's own region, read-only).
     * 400 problem naming the parameter for bad input, 403 for a region outside the caller's area or a caller who
     * is neither supervisor nor official.
     */
    StatsSummary summary(StatsQuery query, CurrentUser user);

    /** Every table of a summary as CSV sections, or only {@code table} (summary, byLevel, byStep, ...) when given. */
    byte[] csv(StatsSummary summary, String table);

    /** An Excel workbook with one sheet per table. */
    byte[] xlsx(StatsSummary summary);
}
