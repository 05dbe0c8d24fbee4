package org.lianban.stats;

/**
 * Generates realistic past cases (history simulator) by driving the real case service with a moved clock: every
 * simulated case is an ordinary case with its timeline and audit trail. Demo profile only (it acts as demo users).
 */
public interface HistorySimulator {

    /** Runs a simulation to the end on the calling thread, reporting progress to the console. */
    SimulationStatus run(SimulationRequest request);

    /** Starts a simulation in the background; 409 problem while one is running. */
    SimulationStatus start(SimulationRequest request);

    SimulationStatus status();
}
