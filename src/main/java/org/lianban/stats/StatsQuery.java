package org.lianban.stats;

import java.time.LocalDate;

/**
 * What a summary covers: cases received (first submitted) from {@code from} to {@code to} inclusive, China dates;
 * within {@code region} (default: the caller's own region); optionally one matter or one category.
 * Nulls mean "no restriction" ({@code from}), "today" ({@code to}) or "the caller's area" ({@code region}).
 */
public record StatsQuery(LocalDate from, LocalDate to, String region, String matter, String category) {}
