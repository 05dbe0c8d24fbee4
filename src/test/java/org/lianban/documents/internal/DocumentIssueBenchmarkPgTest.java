package org.lianban.documents.internal;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lianban.PgTest;

/** As {@link DocumentIssueBenchmarkH2Test}, on the PostgreSQL of {@code LIANBAN_TEST_PG_URL}. */
@PgTest
@EnabledIfSystemProperty(named = "bench", matches = "true", disabledReason = "benchmark: run with -Dbench=true")
class DocumentIssueBenchmarkPgTest extends DocumentIssueBenchmarkContract {}
