package org.lianban.stats.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.catalog.Catalog;
import org.lianban.common.ApiException;
import org.lianban.region.Regions;
import org.lianban.stats.HistorySimulator;
import org.lianban.stats.SimulationRequest;
import org.lianban.stats.SimulationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The history simulator: plans cases over the demo catalog and counties ({@link PlanGenerator}) and plays them
 * through the real case service ({@link ServiceDriver}), oldest first, so case numbers follow time.
 */
@Service
class SimulatorService implements HistorySimulator {

    static final int MAX_CASES = 20_000;
    private static final Logger log = LoggerFactory.getLogger(SimulatorService.class);

    private final ServiceDriver driver;
    private final Catalog catalog;
    private final Regions regions;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final AtomicReference<SimulationStatus> status = new AtomicReference<>(
            new SimulationStatus("IDLE", null, 0, 0, null, null, null, List.of()));

    SimulatorService(ServiceDriver driver, Catalog catalog, Regions regions, WorkingCalendar calendar, Clock clock) {
        this.driver = driver;
        this.catalog = catalog;
        this.regions = regions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public SimulationStatus run(SimulationRequest request) {
        List<Plan> plans = plan(request);
        begin(request, plans.size());
        ConsoleProgress bar = new ConsoleProgress(System.out, plans.size());
        execute(request, plans, bar::update, true);
        bar.finish();
        return status.get();
    }

    @Override
    public SimulationStatus start(SimulationRequest request) {
        List<Plan> plans = plan(request);
        begin(request, plans.size());
        Thread.ofVirtual().name("history-simulator").start(() -> execute(request, plans, n -> {}, false));
        return status.get();
    }

    @Override
    public SimulationStatus status() {
        return status.get();
    }

    private synchronized void begin(SimulationRequest request, int total) {
        if ("RUNNING".equals(status.get().state())) {
            throw ApiException.conflict("A simulation is running (" + status.get().done() + " of "
                    + status.get().total() + " cases); wait for it to finish.");
        }
        status.set(new SimulationStatus("RUNNING", request, 0, total, clock.instant(), null, null, List.of()));
    }

    private void execute(SimulationRequest request, List<Plan> plans, IntConsumer progress, boolean rethrow) {
        List<String> numbers = new ArrayList<>();
        Instant started = status.get().startedAt();
        try {
            for (int i = 0; i < plans.size(); i++) {
                Plan p = plans.get(i);
                String number = driver.play(p, catalog.version(p.matterVersionId()));
                if (numbers.size() < 1000) {
                    numbers.add(number);
                }
                status.set(new SimulationStatus("RUNNING", request, i + 1, plans.size(), started, null, null,
                        List.copyOf(numbers)));
                progress.accept(i + 1);
            }
            status.set(new SimulationStatus("DONE", request, plans.size(), plans.size(), started, clock.instant(),
                    null, List.copyOf(numbers)));
            log.info("History simulation {}..{}: {} cases played", request.from(), request.to(), plans.size());
        } catch (RuntimeException e) {
            log.warn("History simulation failed after {} cases", numbers.size(), e);
            status.set(new SimulationStatus("FAILED", request, numbers.size(), plans.size(), started,
                    clock.instant(), e.getMessage(), List.copyOf(numbers)));
            if (rethrow) {
                throw e;
            }
        }
    }

    /** Checks the request and writes every case's plan, sorted by time of receipt. */
    List<Plan> plan(SimulationRequest r) {
        List<ApiException.FieldProblem> errors = new ArrayList<>();
        if (r.from() == null) {
            errors.add(new ApiException.FieldProblem("from", "Give the first day of the period (YYYY-MM-DD)."));
        }
        if (r.to() == null) {
            errors.add(new ApiException.FieldProblem("to", "Give the last day of the period (YYYY-MM-DD)."));
        }
        if (r.from() != null && r.to() != null && r.from().isAfter(r.to())) {
            errors.add(new ApiException.FieldProblem("to", "The period ends before it starts."));
        }
        if (r.to() != null && !r.to().isBefore(LocalDate.now(clock))) {
            errors.add(new ApiException.FieldProblem("to", "Simulate the past only: end before today."));
        }
        if (r.cases() < 1 || r.cases() > MAX_CASES) {
            errors.add(new ApiException.FieldProblem("cases", "Simulate 1 to " + MAX_CASES + " cases."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.getFirst().message(), errors);
        }
        CaseMix mix = new CaseMix(r.from(), r.to(), r.seed(), calendar, regions, catalog);
        if (mix.days.isEmpty()) {
            throw ApiException.badRequest("from", "The period has no working day.");
        }
        Random rnd = new Random(r.seed());
        List<Plan> plans = new ArrayList<>(r.cases());
        for (int i = 0; i < r.cases(); i++) {
            plans.add(mix.next(rnd));
        }
        plans.sort(Comparator.comparing(Plan::receivedAt));
        return plans;
    }

    /** A one-line progress bar on the console: {@code [#####.....]  62/124 cases}. */
    static final class ConsoleProgress {
        private final PrintStream out;
        private final int total;

        ConsoleProgress(PrintStream out, int total) {
            this.out = out;
            this.total = total;
        }

        void update(int done) {
            int width = 40, filled = total == 0 ? width : done * width / total;
            out.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total + " cases");
            out.flush();
        }

        void finish() {
            out.println();
        }
    }
}
