package org.lianban.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Messages per second through the outbox (claim, submit_sm over SMPP, mark SENT) to the loopback SMSC.
 * Run: {@code ./mvnw -B -o test -Dtest=SmsDispatchBenchmark -Dbench=true} (PostgreSQL too with LIANBAN_TEST_PG_URL);
 * results go to docs/benchmarks.md by hand.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true", disabledReason = "benchmark: run with -Dbench=true")
class SmsDispatchBenchmark {

    static final int MESSAGES = Integer.getInteger("bench.messages", 5000);

    @Test
    void h2() throws Exception {
        try (OutboxDb db = OutboxDb.h2()) {
            run("H2 (in-memory)", db);
        }
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+")
    void postgres() throws Exception {
        try (OutboxDb db = OutboxDb.postgres()) {
            run("PostgreSQL", db);
        }
    }

    void run(String database, OutboxDb db) throws Exception {
        for (int concurrency : java.util.Arrays.stream(System.getProperty("bench.concurrency", "1,8,32").split(","))
                .mapToInt(Integer::parseInt).toArray()) {
            for (boolean longText : new boolean[] {false, true}) {
                try (TestSmsc smsc = new TestSmsc(); HikariDataSource ds = db.newPool(concurrency + 4)) {
                    SmsOutbox outbox = OutboxDb.outbox(ds, Clock.systemUTC());
                    JdbcClient.create(ds).sql("delete from sms_submission").update();
                    JdbcClient.create(ds).sql("delete from sms_receipt").update();
                    JdbcClient.create(ds).sql("delete from sms_message").update();
                    String text = longText ? "【联办】" + "办件140105-2026-000123需补正材料，".repeat(5)
                            : "【联办】办件140105-2026-000123已受理，承诺办结日期2026年12月28日。";
                    for (int i = 0; i < MESSAGES; i++) {
                        outbox.enqueue(new SmsOutbox.NewSms("bench:" + concurrency + ":" + longText + ":" + i, "C",
                                "140105", String.format("139%08d", i), "accepted", text));
                    }
                    try (SmppGateway gateway = new SmppGateway(SmppGatewayTest.smpp(smsc.port), outbox::receipt)) {
                        SmsDispatcher dispatcher = new SmsDispatcher(outbox, gateway, new SmsProperties.Dispatcher(
                                true, 10, 200, concurrency, Duration.ofSeconds(60), 5, Duration.ofMillis(10),
                                Duration.ofMillis(10)));
                        int warmUp = dispatcher.dispatchOnce(); // bind and warm up: not timed
                        int submitsBefore = smsc.submits.size();
                        long start = System.nanoTime();
                        JdbcClient jdbc = JdbcClient.create(ds);
                        // a send that failed (e.g. submit_sm_resp timeout under load) is retried: part of the rate
                        Poll.until(Duration.ofMinutes(10), "all sent", () -> {
                            dispatcher.drain();
                            return jdbc.sql("select count(*) from sms_message where status in ('PENDING', 'SENDING')")
                                    .query(Long.class).single() == 0;
                        });
                        double seconds = (System.nanoTime() - start) / 1e9;
                        assertEquals(0L, jdbc.sql("select count(*) from sms_message where status = 'FAILED'")
                                .query(Long.class).single());
                        long resent = smsc.messagesPerKey().values().stream().filter(c -> c > 1).count();
                        System.out.printf(Locale.ROOT, "BENCH %s concurrency=%d parts=%d messages=%d seconds=%.2f"
                                + " msg/s=%.0f submit_sm/s=%.0f resent=%d%n", database, concurrency,
                                SmsSegments.count(text), MESSAGES - warmUp, seconds, (MESSAGES - warmUp) / seconds,
                                (smsc.submits.size() - submitsBefore) / seconds, resent);
                    }
                }
            }
        }
    }
}
