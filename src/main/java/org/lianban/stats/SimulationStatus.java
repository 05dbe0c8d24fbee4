package org.lianban.stats;

import java.time.Instant;
import java.util.List;

/**
 * Progress of the running (or last) history simulation.
 *
 * @param state IDLE, RUNNING, DONE or FAILED
 * @param numbers numbers of the cases created so far (at most the first 1000)
 */
public record SimulationStatus(String state, SimulationRequest request, int done, int total, Instant startedAt,
        Instant finishedAt, String error, List<String> numbers) {}
