package org.lianban.documents.internal;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lianban.H2Test;

/** {@code ./mvnw -B -o test -Dtest='DocumentIssueBenchmark*' -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false} */
@H2Test
@EnabledIfSystemProperty(named = "bench", matches = "true", disabledReason = "benchmark: run with -Dbench=true")
class DocumentIssueBenchmarkH2Test extends DocumentIssueBenchmarkContract {}
