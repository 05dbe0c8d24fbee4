package org.lianban.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianban.notify.SmsStatus;

import com.zaxxer.hikari.HikariDataSource;

/** The SMPP gateway end to end through the outbox against a real SMPP server on loopback (jSMPP server API). */
class SmppGatewayTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    TestSmsc smsc;
    OutboxDb db;
    HikariDataSource ds;
    SmsOutbox outbox;
    SmppGateway gateway;
    SmsDispatcher dispatcher;

    static SmsProperties.Smpp smpp(int port) {
        return new SmsProperties.Smpp("127.0.0.1", port, "lianban", "secret", "", "TRANSCEIVER", "10690000", true,
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(200),
                TestSmsc.KEY_TAG);
    }

    static SmsProperties.Dispatcher quickRetries(int batch, int concurrency) {
        return new SmsProperties.Dispatcher(true, 10, batch, concurrency, Duration.ofSeconds(60), 100,
                Duration.ofMillis(5), Duration.ofMillis(50));
    }

    @BeforeEach
    void start() throws Exception {
        smsc = new TestSmsc();
        db = OutboxDb.h2();
        ds = db.newPool(4);
        outbox = OutboxDb.outbox(ds, Clock.systemUTC());
        gateway = new SmppGateway(smpp(smsc.port), outbox::receipt);
        dispatcher = new SmsDispatcher(outbox, gateway, quickRetries(20, 4));
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        smsc.close();
        ds.close();
        db.close();
    }

    String enqueue(String to, String text) {
        String key = "T-" + UUID.randomUUID();
        assertTrue(outbox.enqueue(new SmsOutbox.NewSms(key, "140105-2026-000001", "140105", to, "submitted", text)));
        return key;
    }

    void sendUntil(String what, java.util.function.BooleanSupplier done) {
        Poll.until(WAIT, what, () -> {
            dispatcher.drain();
            return done.getAsBoolean();
        });
    }

    @Test
    void chineseTextArrivesAsUcs2WithTheMessageKey() {
        String text = "【联办】您的申请已提交，办件编号140105-2026-000001，查询码A7K2Q9。";
        String key = enqueue("138 1234 1234", text);

        sendUntil("the submit_sm", () -> smsc.submits.size() == 1);

        TestSmsc.Submit s = smsc.submits.getFirst();
        assertEquals(0x08, s.dataCoding(), "data_coding UCS-2");
        assertEquals(0, s.esmClass() & 0x40, "a short message has no UDH");
        assertEquals("8613812341234", s.dest());
        assertEquals(text, new String(s.payload(), StandardCharsets.UTF_16BE));
        assertEquals(key, s.key());
        assertEquals(1, s.registeredDelivery() & 0x03, "delivery receipt requested");
    }

    @Test
    void longMessageArrivesAsConcatenatedPartsThatJoinToTheText() {
        String text = "【联办】" + "办件140105-2026-000002需补正材料：建设项目用地预审与选址意见书、土地权属证明、".repeat(3)
                + "请于2026年12月28日前一次补齐后重新提交。";
        List<String> expectedParts = SmsSegments.split(text);
        assertTrue(expectedParts.size() >= 3);
        enqueue("13912345678", text);

        sendUntil("every part", () -> smsc.submits.size() == expectedParts.size());

        for (TestSmsc.Submit s : smsc.submits) {
            assertEquals(0x40, s.esmClass() & 0x40, "UDHI set");
            assertEquals(0x08, s.dataCoding());
            assertTrue(s.payload().length <= 140, "a part fits one SMS: " + s.payload().length + " octets");
        }
        assertEquals(List.of(text), smsc.textsByDestination().get("8613912345678"));
    }

    @Test
    void deliveryReceiptsMarkTheMessageDelivered() {
        String shortKey = enqueue("13812341234", "【联办】办件140105-2026-000003已受理。");
        String longKey = enqueue("13812341235", "【联办】" + "很长的通知内容".repeat(20));

        sendUntil("both delivered", () -> outbox.status(shortKey).equals(Optional.of(SmsStatus.DELIVERED))
                && outbox.status(longKey).equals(Optional.of(SmsStatus.DELIVERED)));
    }

    @Test
    void messageIsNotDeliveredUntilEveryPartHasItsReceipt() {
        smsc.sendReceipts = false;
        String key = enqueue("13812341236", "【联办】" + "很长的通知内容".repeat(20));
        sendUntil("sent", () -> outbox.status(key).equals(Optional.of(SmsStatus.SENT)));

        List<TestSmsc.Submit> parts = List.copyOf(smsc.submits);
        outbox.receipt(parts.getFirst().messageId(), "DELIVRD");
        assertEquals(Optional.of(SmsStatus.SENT), outbox.status(key));
        parts.forEach(p -> outbox.receipt(p.messageId(), "DELIVRD"));
        assertEquals(Optional.of(SmsStatus.DELIVERED), outbox.status(key));
    }

    @Test
    void gatewaySurvivesTheServerDroppingTheLink() {
        String first = enqueue("13812341237", "【联办】第一条");
        sendUntil("first delivered", () -> outbox.status(first).equals(Optional.of(SmsStatus.DELIVERED)));
        assertEquals(1, smsc.binds.get());

        smsc.dropLinks();
        String second = enqueue("13812341237", "【联办】断链重连后的第二条");

        sendUntil("second delivered after reconnect",
                () -> outbox.status(second).equals(Optional.of(SmsStatus.DELIVERED)));
        assertTrue(smsc.binds.get() >= 2, "the gateway bound again");
        assertEquals(1L, smsc.submitsPerKey().get(second));
        assertEquals(List.of("【联办】第一条", "【联办】断链重连后的第二条"), smsc.textsByDestination().get("8613812341237"));
    }
}
