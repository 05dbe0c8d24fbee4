package org.lianban.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

@EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL tests skipped: LIANBAN_TEST_PG_URL is not set (.ci/run sets it)")
class OutboxReliabilityPgTest extends OutboxReliabilityContract {

    @Override
    OutboxDb newDb() {
        return OutboxDb.postgres();
    }

    /**
     * Every message ever sent stays in the outbox: the claim must read only the few in flight, whatever the table's
     * statistics say (before V8_1 it read the sent ones too, 52 ms per claim at 150 000 messages).
     */
    @Test
    void claimingReadsOnlyTheMessagesInFlight() {
        try (HikariDataSource ds = db.newPool(1)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            jdbc.sql("""
                    insert into sms_message (message_key, to_phone, template, text, status, attempts, next_attempt_at,
                        claimed_until, created_at, sent_at)
                    select 'sent-' || x, '13800000000', 't', 'text',
                        case when x % 1000 = 0 then 'PENDING' when x % 997 = 0 then 'SENDING' else 'SENT' end,
                        1, now() - interval '1 day', now() - interval '1 hour', now(), now()
                    from generate_series(1, 30000) as s(x)""").update();
            jdbc.sql("analyze sms_message").update();
            for (String claim : java.util.List.of(SmsOutbox.LEASE_EXPIRED, SmsOutbox.DUE)) {
                String plan = String.join("\n", jdbc.sql("explain " + claim.replace(":now", "now()")
                        .replace(":limit", "50")).query(String.class).list());
                assertThat(plan).containsPattern("Index Scan using sms_message_(pending|sending)_idx")
                        .doesNotContain("Seq Scan").doesNotContain("Bitmap");
            }
        }
    }
}
