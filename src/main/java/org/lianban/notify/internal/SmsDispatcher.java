package org.lianban.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: claims a batch (committed as SENDING with a lease before anything is sent), hands each
 * message to the gateway, records the gateway's ids as SENT right after (with those of the other sends that ended
 * meanwhile, in one transaction: a commit per group of messages, not per message), or schedules a retry. Several
 * dispatchers (threads or nodes) may run against one database at once; a row is claimed by one at a time.
 *
 * <p>Guarantee: at-least-once to the gateway, with at most one send per claim. A message can reach the SMSC twice
 * only if this node dies (or stalls past the lease) after the gateway accepted it and before SENT is committed.
 */
public class SmsDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

    private final SmsOutbox outbox;
    private final SmsGateway gateway;
    private final SmsProperties.Dispatcher settings;
    private final Semaphore parallel;
    private volatile boolean stopped;

    public SmsDispatcher(SmsOutbox outbox, SmsGateway gateway, SmsProperties.Dispatcher settings) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.settings = settings;
        this.parallel = new Semaphore(Math.max(1, settings.concurrency()));
    }

    /** Claims and sends one batch; returns how many rows were claimed. Messages not yet started when
     * {@link #stop()} is called stay SENDING until their lease expires, then any dispatcher sends them. */
    public int dispatchOnce() {
        if (stopped) {
            return 0;
        }
        String token = UUID.randomUUID().toString();
        List<SmsOutbox.Claimed> batch = outbox.claim(settings.batchSize(), settings.lease(), token);
        if (batch.isEmpty()) {
            return 0;
        }
        // each send ends with an outcome; those that ended meanwhile are recorded together, in one transaction
        BlockingQueue<Optional<SmsOutbox.Sent>> outcomes = new LinkedBlockingQueue<>();
        boolean interrupted = false;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SmsOutbox.Claimed c : batch) {
                pool.submit(() -> {
                    Optional<SmsOutbox.Sent> outcome = Optional.empty();
                    try {
                        outcome = sendOne(c, token);
                    } catch (RuntimeException e) {
                        log.error("SMS {} dispatch failed", c.sms().id(), e);
                    } finally {
                        outcomes.add(outcome);
                    }
                });
            }
            for (int ended = 0; ended < batch.size(); ) {
                List<Optional<SmsOutbox.Sent>> group = new ArrayList<>();
                try {
                    group.add(outcomes.take());
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
                outcomes.drainTo(group);
                ended += group.size();
                record(group, token);
            }
        }
        // closing the pool waited for every send: what an interrupted wait left unrecorded is recorded now
        List<Optional<SmsOutbox.Sent>> rest = new ArrayList<>();
        outcomes.drainTo(rest);
        record(rest, token);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return batch.size();
    }

    /**
     * Marks SENT what the gateway accepted, then refreshes their delivery state: a receipt may have come before the
     * submission was recorded, and now both are, whichever came last. Should recording fail, the rows stay SENDING
     * and are sent again when their lease expires (at least once).
     */
    private void record(List<Optional<SmsOutbox.Sent>> outcomes, String token) {
        List<SmsOutbox.Sent> sent = outcomes.stream().flatMap(Optional::stream).toList();
        if (sent.isEmpty()) {
            return;
        }
        try {
            outbox.sent(sent, token);
            outbox.refreshDelivery(sent.stream().map(SmsOutbox.Sent::id).toList());
        } catch (RuntimeException e) {
            log.error("could not record {} SMS as sent; they are sent again after their lease", sent.size(), e);
        }
    }

    /** Sends batch after batch until the outbox has nothing due. */
    public int drain() {
        int total = 0;
        int n;
        do {
            n = dispatchOnce();
            total += n;
        } while (n == settings.batchSize() && !stopped);
        return total;
    }

    /** Stops sending: a message already handed to the gateway is recorded, the rest wait for their lease. */
    public void stop() {
        stopped = true;
    }

    /** Sends again after {@link #stop()} (operations: hold the SMS of a node while the gateway is serviced). */
    public void resume() {
        stopped = false;
    }

    /** Sends one claimed message: what the gateway accepted, to be recorded, or nothing (a failure is recorded). */
    private Optional<SmsOutbox.Sent> sendOne(SmsOutbox.Claimed claimed, String token) {
        SmsGateway.Outgoing sms = claimed.sms();
        try {
            parallel.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            if (stopped) {
                return Optional.empty();
            }
            SmsGateway.Accepted accepted;
            try {
                accepted = gateway.send(sms);
            } catch (SmsGateway.SendFailed e) {
                log.warn("SMS {} attempt {} failed{}: {}", sms.id(), claimed.attempts(),
                        e.permanent() ? " permanently" : "", e.getMessage());
                outbox.failed(sms.id(), token, claimed.attempts(), e.getMessage(), e.permanent(),
                        settings.maxAttempts(), settings.backoff(), settings.maxBackoff());
                return Optional.empty();
            } catch (RuntimeException e) {
                log.warn("SMS {} attempt {} failed", sms.id(), claimed.attempts(), e);
                outbox.failed(sms.id(), token, claimed.attempts(), e.toString(), false, settings.maxAttempts(),
                        settings.backoff(), settings.maxBackoff());
                return Optional.empty();
            }
            return Optional.of(new SmsOutbox.Sent(sms.id(), accepted.partIds()));
        } finally {
            parallel.release();
        }
    }
}
