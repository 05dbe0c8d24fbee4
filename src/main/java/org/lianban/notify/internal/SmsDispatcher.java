package org.lianban.notify.internal;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: claims a batch (committed as SENDING with a lease before anything is sent), hands each
 * message to the gateway, records the gateway's ids as SENT right after, or schedules a retry. Several dispatchers
 * (threads or nodes) may run against one database at once; a row is claimed by one at a time.
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
        Queue<Long> sent = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = batch.stream().<Future<?>>map(c -> pool.submit(() -> {
                if (sendOne(c, token)) {
                    sent.add(c.sms().id());
                }
            })).toList();
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    log.error("SMS dispatch task failed", e);
                }
            }
        }
        // a receipt may have come before a submission was recorded: now both are, whichever came last
        outbox.refreshDelivery(List.copyOf(sent));
        return batch.size();
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

    /** Sends one claimed message; true if the gateway accepted it and it was recorded. */
    private boolean sendOne(SmsOutbox.Claimed claimed, String token) {
        SmsGateway.Outgoing sms = claimed.sms();
        try {
            parallel.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (stopped) {
                return false;
            }
            SmsGateway.Accepted accepted;
            try {
                accepted = gateway.send(sms);
            } catch (SmsGateway.SendFailed e) {
                log.warn("SMS {} attempt {} failed{}: {}", sms.id(), claimed.attempts(),
                        e.permanent() ? " permanently" : "", e.getMessage());
                outbox.failed(sms.id(), token, claimed.attempts(), e.getMessage(), e.permanent(),
                        settings.maxAttempts(), settings.backoff(), settings.maxBackoff());
                return false;
            } catch (RuntimeException e) {
                log.warn("SMS {} attempt {} failed", sms.id(), claimed.attempts(), e);
                outbox.failed(sms.id(), token, claimed.attempts(), e.toString(), false, settings.maxAttempts(),
                        settings.backoff(), settings.maxBackoff());
                return false;
            }
            outbox.sent(sms.id(), token, accepted.partIds());
            return true;
        } finally {
            parallel.release();
        }
    }
}
