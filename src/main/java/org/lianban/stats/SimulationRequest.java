package org.lianban.stats;

import java.time.LocalDate;

/**
 * A history simulation: {@code cases} cases received between {@code from} and {@code to} (inclusive), driven
 * through the real case service with the clock moved to each action's time. {@code seed} makes a run repeatable.
 */
public record SimulationRequest(LocalDate from, LocalDate to, int cases, long seed) {}
