package org.lianban.stats.internal;

import java.time.LocalDate;

import org.lianban.stats.HistorySimulator;
import org.lianban.stats.SimulationRequest;
import org.lianban.stats.SimulationStatus;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The history simulator from the command line, e.g.
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments="--lianban.simulate.from=2020-12-07
 * --lianban.simulate.to=2021-01-27 --lianban.simulate.cases=124"}; with {@code --lianban.simulate.exit=true} the
 * application stops afterwards, else it keeps serving (open /stats to see the period). With
 * {@code --lianban.simulate.bulk=true} the rows are written directly ({@link BulkLoader}: benchmark volumes).
 */
@Component
@ConditionalOnProperty("lianban.simulate.cases")
class SimulateRunner implements ApplicationRunner {

    private final HistorySimulator simulator;
    private final BulkLoader bulk;
    private final Environment env;
    private final ConfigurableApplicationContext context;

    SimulateRunner(HistorySimulator simulator, BulkLoader bulk, Environment env,
            ConfigurableApplicationContext context) {
        this.simulator = simulator;
        this.bulk = bulk;
        this.env = env;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        SimulationRequest request = new SimulationRequest(
                LocalDate.parse(env.getRequiredProperty("lianban.simulate.from")),
                LocalDate.parse(env.getRequiredProperty("lianban.simulate.to")),
                env.getRequiredProperty("lianban.simulate.cases", Integer.class),
                env.getProperty("lianban.simulate.seed", Long.class, 20201207L));
        if (env.getProperty("lianban.simulate.bulk", Boolean.class, false)) {
            long n = bulk.load(request, System.out);
            System.out.println("Bulk-loaded " + n + " cases received " + request.from() + ".." + request.to());
        } else {
            SimulationStatus done = simulator.run(request);
            System.out.println("Simulated " + done.done() + " cases received " + request.from() + ".." + request.to()
                    + (done.numbers().isEmpty() ? "" : ": " + done.numbers().getFirst() + " ... "
                    + done.numbers().getLast()));
        }
        if (env.getProperty("lianban.simulate.exit", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
