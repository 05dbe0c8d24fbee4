package org.lianban.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.lianban.common.events.BatchedEventPublications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the modules' event listeners (documents, notify, stats): a listener hands each event to its
 * module's {@link Batch} and returns the batch's future; one thread per module takes every event waiting at that
 * moment (up to {@code lianban.events.batch-size}) and handles them in one transaction.
 *
 * <p>Why: handled one by one, each case transition cost three more transactions after its own (one per listening
 * module), each with its own commit, plus one commit per listener to mark its publication completed. Under load the
 * listeners then fell behind the requests. Batched, the commits per event shrink with the load instead.
 *
 * <p>Nothing is lost and nothing is done twice that was not before: the listener method is a
 * {@code @TransactionalEventListener} returning the future, so Spring Modulith marks the event's publication completed
 * only when the future completes, that is after the batch's commit (and the marks of one batch are written together,
 * {@link BatchedEventPublications#completedTogether}). If a batch fails, its transaction rolls back and each event is
 * handled again on its own, so one bad event fails alone: its publication stays incomplete and is republished on
 * restart. Handlers must therefore be idempotent, as they had to be already. Events of one module are handled in the
 * order they were handed over. When the queue is full, {@link Batch#submit} waits: the committing request slows
 * down rather than the backlog growing without bound.
 */
@Component
public class ListenerBatches implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ListenerBatches.class);

    private final TransactionTemplate tx;
    private final int batchSize;
    private final int queueSize;
    private final long lingerNanos;
    private final List<Batch<?>> batches = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    ListenerBatches(PlatformTransactionManager transactions, @Value("${lianban.events.batch-size:500}") int batchSize,
            @Value("${lianban.events.queue:10000}") int queueSize,
            @Value("${lianban.events.linger:PT0.01S}") Duration linger) {
        this.tx = new TransactionTemplate(transactions);
        this.batchSize = Math.max(1, batchSize);
        this.queueSize = Math.max(1, queueSize);
        this.lingerNanos = Math.max(0, linger.toNanos());
    }

    /**
     * A batch for one module's listener.
     *
     * @param name    names the worker thread ({@code events-<name>})
     * @param handler handles events in the caller's transaction; must be idempotent per event
     */
    public <E> Batch<E> of(String name, Consumer<List<E>> handler) {
        Batch<E> batch = new Batch<>(name, handler);
        batches.add(batch);
        // at once, not at start(): Modulith republishes incomplete publications while the singletons are created,
        // and more of them than the queue holds would otherwise block the startup for good
        batch.start();
        return batch;
    }

    /** The workers run from their creation; this restarts them after a {@link #stop()}. */
    @Override
    public void start() {
        running = true;
        batches.forEach(Batch::start);
    }

    /**
     * Handles what was queued before (waiting up to 10 s per module), then ends the workers. Events not handled by
     * then keep their publications incomplete, to be republished on the next start.
     */
    @Override
    public void stop() {
        running = false;
        batches.forEach(Batch::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and the schedulers (higher phases stop first), before the DataSource closes. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** The events of one module's listener. */
    public final class Batch<E> {

        private final String name;
        private final Consumer<List<E>> handler;
        private final BlockingQueue<Item<E>> queue;
        private volatile Thread worker;
        private volatile boolean stopping;

        private Batch(String name, Consumer<List<E>> handler) {
            this.name = name;
            this.handler = handler;
            this.queue = new ArrayBlockingQueue<>(queueSize);
        }

        /**
         * Queues the event; the future completes once it is handled and committed, or fails with the handler's
         * exception. After shutdown began, the event is not taken (the future never completes and its publication
         * stays incomplete for the next start).
         */
        public CompletableFuture<Void> submit(E event) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (stopping) {
                return done;
            }
            try {
                queue.put(new Item<>(event, done));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(e);
            }
            return done;
        }

        private synchronized void start() {
            if (worker == null) {
                stopping = false;
                worker = Thread.ofPlatform().name("events-" + name).daemon().start(this::work);
            }
        }

        private void stop() {
            Thread w;
            synchronized (this) {
                stopping = true;
                w = worker;
                worker = null;
            }
            if (w == null) {
                return;
            }
            if (!queue.offer(new Item<>(null, null))) {
                w.interrupt(); // a full queue at shutdown: do not wait for all of it
            }
            try {
                w.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Takes what is waiting, up to a batch, until the stop marker (an item without a future) comes. After the
         * first event of a batch it lingers a moment for more: at low load that turns one transaction and commit per
         * event into one per handful, for a few milliseconds' delay of work that is asynchronous anyway.
         */
        private void work() {
            List<Item<E>> items = new ArrayList<>(batchSize);
            boolean last = false;
            while (!last) {
                try {
                    items.add(queue.take());
                    long deadline = System.nanoTime() + lingerNanos;
                    queue.drainTo(items, batchSize - items.size());
                    long left;
                    while (items.size() < batchSize && !isStop(items.getLast())
                            && (left = deadline - System.nanoTime()) > 0) {
                        Item<E> next = queue.poll(left, TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        items.add(next);
                        queue.drainTo(items, batchSize - items.size());
                    }
                } catch (InterruptedException e) {
                    return;
                }
                last = items.removeIf(Batch::isStop);
                if (!items.isEmpty()) {
                    handle(items);
                }
                items.clear();
            }
        }

        private static boolean isStop(Item<?> item) {
            return item.done() == null;
        }

        private void handle(List<Item<E>> items) {
            try {
                tx.executeWithoutResult(s -> handler.accept(items.stream().map(Item::event).toList()));
            } catch (RuntimeException | Error batchFailed) {
                if (items.size() == 1) {
                    fail(items.getFirst(), batchFailed);
                    return;
                }
                log.info("events-{}: a batch of {} failed ({}); handling its events one by one", name, items.size(),
                        batchFailed.toString());
                for (Item<E> item : items) {
                    try {
                        tx.executeWithoutResult(s -> handler.accept(List.of(item.event())));
                        BatchedEventPublications.completedTogether(() -> item.done().complete(null));
                    } catch (RuntimeException | Error e) {
                        fail(item, e);
                    }
                }
                return;
            }
            BatchedEventPublications.completedTogether(() -> items.forEach(i -> i.done().complete(null)));
        }

        private void fail(Item<E> item, Throwable e) {
            log.warn("events-{}: {} failed; its publication stays incomplete", name, item.event(), e);
            item.done().completeExceptionally(e);
        }
    }

    private record Item<E>(E event, CompletableFuture<Void> done) {}
}
