package org.lianban;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same as {@link H2Test} on a real PostgreSQL server, whose JDBC URL comes from {@code LIANBAN_TEST_PG_URL}
 * (set by .ci/run). Without it these tests are reported as skipped, with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test", "pgtest"})
@Import(TestClock.Config.class)
@EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL tests skipped: LIANBAN_TEST_PG_URL is not set (.ci/run sets it)")
public @interface PgTest {}
