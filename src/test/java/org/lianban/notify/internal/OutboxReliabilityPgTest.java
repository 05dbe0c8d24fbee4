package org.lianban.notify.internal;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL tests skipped: LIANBAN_TEST_PG_URL is not set (.ci/run sets it)")
class OutboxReliabilityPgTest extends OutboxReliabilityContract {

    @Override
    OutboxDb newDb() {
        return OutboxDb.postgres();
    }
}
