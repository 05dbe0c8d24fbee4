package org.lianban.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianban.TestClock;
import org.lianban.notify.SmsStatus;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Crash safety and several dispatchers on one database, against the loopback SMSC: every message reaches the SMSC
 * exactly once, except in the one window the design admits (accepted by the SMSC, node dead before SENT is recorded),
 * where the resubmission carries the same message key. Runs on H2 and on PostgreSQL.
 */
abstract class OutboxReliabilityContract {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration LEASE = Duration.ofSeconds(60);

    abstract OutboxDb newDb();

    OutboxDb db;
    TestSmsc smsc;
    TestClock clock = new TestClock();
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        db = newDb();
        smsc = new TestSmsc();
        smsc.sendReceipts = false;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        smsc.close();
        db.close();
    }

    /** A "node": its own connection pool, outbox, SMPP session and dispatcher. */
    record Node(SmsOutbox outbox, SmppGateway gateway, SmsDispatcher dispatcher) {}

    Node node(int batch, int concurrency, GatewayWrapper wrap) {
        HikariDataSource ds = db.newPool(concurrency + 2);
        open.add(ds);
        SmsOutbox outbox = OutboxDb.outbox(ds, clock);
        SmppGateway smpp = new SmppGateway(SmppGatewayTest.smpp(smsc.port), outbox::receipt);
        open.add(smpp);
        SmsDispatcher[] self = new SmsDispatcher[1];
        SmsGateway gateway = wrap == null ? smpp : sms -> wrap.send(smpp, sms, self[0]);
        self[0] = new SmsDispatcher(outbox, gateway, new SmsProperties.Dispatcher(true, 10, batch, concurrency, LEASE,
                5, Duration.ofMillis(1), Duration.ofMillis(1)));
        return new Node(outbox, smpp, self[0]);
    }

    Node node(int batch, int concurrency) {
        return node(batch, concurrency, null);
    }

    @FunctionalInterface
    interface GatewayWrapper {
        SmsGateway.Accepted send(SmsGateway real, SmsGateway.Outgoing sms, SmsDispatcher dispatcher)
                throws SmsGateway.SendFailed;
    }

    List<String> enqueue(SmsOutbox outbox, int n) {
        List<String> keys = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < n; i++) {
            String key = "140105-2026-" + run + ":CaseAccepted:" + i;
            outbox.enqueue(new SmsOutbox.NewSms(key, "140105-2026-" + run, "140105",
                    String.format("139%08d", i), "accepted", "【联办】办件已受理，序号" + i + "。"));
            keys.add(key);
        }
        return keys;
    }

    void assertEachExactlyOnce(List<String> keys, SmsOutbox outbox) {
        Map<String, Long> perKey = smsc.submitsPerKey();
        assertEquals(keys.size(), smsc.submits.size(), "submit_sm count");
        for (String key : keys) {
            assertEquals(1L, perKey.get(key), "submits of " + key);
            assertEquals(SmsStatus.SENT, outbox.status(key).orElseThrow(), key);
        }
    }

    void drainUntilSent(Node node, List<String> keys) {
        Poll.until(WAIT, "every message sent", () -> {
            node.dispatcher().drain();
            return keys.stream().allMatch(k -> node.outbox().status(k).orElseThrow() == SmsStatus.SENT);
        });
    }

    @Test
    void messagesCommittedBeforeTheNodeDiedAreSentByTheNextNode() {
        Node dead = node(10, 2); // wrote the outbox rows in its transaction, died before dispatching
        List<String> keys = enqueue(dead.outbox(), 25);
        assertEquals(0, smsc.submits.size());

        Node next = node(10, 2);
        drainUntilSent(next, keys);

        assertEachExactlyOnce(keys, next.outbox());
    }

    @Test
    void aDispatcherInterruptedWhileItsSendsRunStillRecordsThemSent() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Node node = node(5, 5, (real, sms, dispatcher) -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.send(sms);
        });
        List<String> keys = enqueue(node.outbox(), 5);
        Thread dispatching = new Thread(node.dispatcher()::dispatchOnce);
        dispatching.start();
        entered.await();
        dispatching.interrupt(); // e.g. the scheduler shutting down while the gateway is busy
        release.countDown();
        dispatching.join(WAIT.toMillis());

        assertEachExactlyOnce(keys, node.outbox());
    }

    @Test
    void dispatcherKilledMidBatchLeavesNoMessageLostOrDoubled() {
        AtomicInteger sent = new AtomicInteger();
        Node killed = node(20, 1, (real, sms, dispatcher) -> {
            SmsGateway.Accepted a = real.send(sms);
            if (sent.incrementAndGet() == 7) {
                dispatcher.stop(); // the node dies after its 7th message: 13 claimed rows are never started
            }
            return a;
        });
        List<String> keys = enqueue(killed.outbox(), 20);
        assertEquals(20, killed.dispatcher().dispatchOnce());
        assertEquals(7, smsc.submits.size());

        Node restarted = node(20, 4);
        assertEquals(0, restarted.dispatcher().drain(), "claims of the dead node hold until their lease expires");
        clock.advance(LEASE.plusSeconds(1));
        drainUntilSent(restarted, keys);

        assertEachExactlyOnce(keys, restarted.outbox());
    }

    @Test
    void crashAfterTheSmscAcceptedButBeforeSentWasRecordedResendsWithTheSameKey() {
        CountDownLatch once = new CountDownLatch(1);
        Node crashing = node(5, 1, (real, sms, dispatcher) -> {
            SmsGateway.Accepted a = real.send(sms);
            if (once.getCount() == 1) {
                once.countDown();
                dispatcher.stop();
                throw new NodeDied(); // the process dies here: the row stays SENDING under a lease
            }
            return a;
        });
        List<String> keys = enqueue(crashing.outbox(), 1);
        crashing.dispatcher().dispatchOnce();
        assertEquals(SmsStatus.SENDING, crashing.outbox().status(keys.getFirst()).orElseThrow());

        Node restarted = node(5, 1);
        clock.advance(LEASE.plusSeconds(1));
        drainUntilSent(restarted, keys);

        assertEquals(2L, smsc.submitsPerKey().get(keys.getFirst()),
                "at-least-once: the SMSC got the message twice, both times with its key, so it can drop the second");
        assertEquals(Set.of(keys.getFirst()), smsc.submits.stream().map(TestSmsc.Submit::key).collect(Collectors.toSet()));
    }

    @Test
    void twoDispatchersOnOneDatabaseNeverSendAMessageTwice() throws Exception {
        // each node's first send waits until the other node is sending too: both hold claimed batches at once
        CountDownLatch bothSending = new CountDownLatch(2);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            AtomicBoolean first = new AtomicBoolean(true);
            nodes.add(node(10, 4, (real, sms, dispatcher) -> {
                if (first.getAndSet(false)) {
                    bothSending.countDown();
                    try {
                        bothSending.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return real.send(sms);
            }));
        }
        List<String> keys = enqueue(nodes.getFirst().outbox(), 300);

        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (Node n : nodes) {
                claimed.add(pool.submit(() -> {
                    int total = 0;
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    while (System.nanoTime() < deadline) {
                        int got = n.dispatcher().dispatchOnce();
                        total += got;
                        if (got == 0) {
                            if (keys.stream().allMatch(k -> n.outbox().status(k).orElseThrow() == SmsStatus.SENT)) {
                                return total;
                            }
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // the other node is sending
                        }
                    }
                    throw new AssertionError("not all sent within " + WAIT);
                }));
            }
            int a = claimed.get(0).get();
            int b = claimed.get(1).get();
            assertEquals(300, a + b, "every row claimed exactly once between the two nodes");
            assertTrue(a > 0 && b > 0, "both nodes sent: " + a + " and " + b);
        }
        assertEachExactlyOnce(keys, nodes.getFirst().outbox());
    }

    static final class NodeDied extends Error {
        NodeDied() {
            super("simulated crash");
        }
    }
}
