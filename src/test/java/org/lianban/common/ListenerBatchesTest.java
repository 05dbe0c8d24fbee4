package org.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit for listeners, against a real (in-memory) database: what waits while a batch runs is handled together
 * in one transaction, a failing event fails alone, and stopping handles what was queued first.
 */
class ListenerBatchesTest {

    private JdbcTemplate jdbc;
    private ListenerBatches batches;
    /** The events of each handler call, in order. */
    private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private ListenerBatches.Batch<String> batch;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:batches-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(ds);
        jdbc.execute("create table handled (event varchar(20) primary key)");
        transactions = new DataSourceTransactionManager(ds);
        batches = new ListenerBatches(transactions, 100, 1000, Duration.ZERO);
        batches.start();
        batch = batches.of("test", handler());
    }

    private DataSourceTransactionManager transactions;

    private java.util.function.Consumer<List<String>> handler() {
        return events -> {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
            calls.add(List.copyOf(events));
            for (String e : events) {
                jdbc.update("insert into handled (event) values (?)", e);
                if (e.startsWith("bad")) {
                    throw new IllegalStateException("cannot handle " + e);
                }
            }
            if (events.contains("first")) {
                firstStarted.countDown();
                await(releaseFirst);
            }
        };
    }

    @AfterEach
    void tearDown() {
        releaseFirst.countDown();
        batches.stop();
    }

    @Test
    void eventsWaitingWhileABatchRunsAreHandledTogetherInOneTransaction() throws Exception {
        CompletableFuture<Void> first = batch.submit("first");
        await(firstStarted);
        List<CompletableFuture<Void>> rest = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rest.add(batch.submit("e" + i));
        }
        assertThat(first).isNotDone();
        releaseFirst.countDown();

        CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(first).isCompleted();
        assertThat(calls).containsExactly(List.of("first"), List.of("e1", "e2", "e3", "e4", "e5"));
        assertThat(handled()).containsExactlyInAnyOrder("first", "e1", "e2", "e3", "e4", "e5");
    }

    @Test
    void atLowLoadEventsArrivingWithinTheLingerShareABatch() throws Exception {
        ListenerBatches lingering = new ListenerBatches(transactions, 100, 1000, Duration.ofSeconds(2));
        try {
            ListenerBatches.Batch<String> b = lingering.of("linger", handler());
            CompletableFuture<Void> one = b.submit("one");
            CompletableFuture<Void> two = b.submit("two");
            CompletableFuture.allOf(one, two).get(10, TimeUnit.SECONDS);
            assertThat(calls).containsExactly(List.of("one", "two"));
        } finally {
            lingering.stop();
        }
    }

    @Test
    void aFailingEventFailsAloneAndTheRestOfItsBatchIsStillHandled() throws Exception {
        batch.submit("first");
        await(firstStarted);
        CompletableFuture<Void> good1 = batch.submit("good1");
        CompletableFuture<Void> bad = batch.submit("bad1");
        CompletableFuture<Void> good2 = batch.submit("good2");
        releaseFirst.countDown();

        good1.get(10, TimeUnit.SECONDS);
        good2.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("cannot handle bad1");
        // the batch was rolled back, then each event handled on its own: the good ones once, the bad one not at all
        assertThat(calls).containsExactly(List.of("first"), List.of("good1", "bad1", "good2"), List.of("good1"),
                List.of("bad1"), List.of("good2"));
        assertThat(handled()).containsExactlyInAnyOrder("first", "good1", "good2");
    }

    @Test
    void stoppingHandlesWhatWasQueuedAndTakesNothingAfterwards() throws Exception {
        batch.submit("first");
        await(firstStarted);
        CompletableFuture<Void> queued = batch.submit("queued");
        Thread stopper = Thread.ofPlatform().start(batches::stop);
        releaseFirst.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(20));

        assertThat(queued).isCompleted();
        CompletableFuture<Void> late = batch.submit("late");
        assertThat(late).as("left for the next start: its publication stays incomplete").isNotDone();
        assertThat(handled()).containsExactlyInAnyOrder("first", "queued");
    }

    private List<String> handled() {
        return jdbc.queryForList("select event from handled", String.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch released in time").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
