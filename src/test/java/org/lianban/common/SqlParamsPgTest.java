package org.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A statement whose nulls change from one execution to the next (as the case update's do along a case's life) is
 * prepared once and planned generically when its nullable parameters go through {@link SqlParams}; bound as plain
 * nulls, PostgreSQL's driver prepares it anew on such changes, and the server plans every execution.
 */
@EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+",
        disabledReason = "PostgreSQL tests skipped: LIANBAN_TEST_PG_URL is not set (.ci/run sets it)")
class SqlParamsPgTest {

    private static final String UPDATE = "update sql_params_probe set step = ?, decided_at = ?, due_on = ?, "
            + "working_days = ? where id = ?";

    private Connection connection;
    private JdbcTemplate jdbc;

    @BeforeEach
    void connect() throws Exception {
        connection = DriverManager.getConnection(System.getenv("LIANBAN_TEST_PG_URL"), "postgres", "");
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.execute("create temporary table sql_params_probe (id int primary key, step varchar(64), "
                + "decided_at timestamptz, due_on date, working_days numeric(10,2))");
        jdbc.update("insert into sql_params_probe (id) values (1)");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void changingNullsBoundThroughSqlParamsKeepOneGenericallyPlannedStatement() {
        run(true);
        Map<String, Object> plans = plans();
        assertThat(((Number) plans.get("statements")).intValue()).isEqualTo(1);
        assertThat(((Number) plans.get("generic")).longValue()).isPositive();
    }

    @Test
    void changingPlainNullsArePlannedEveryTime() {
        run(false);
        assertThat(((Number) plans().get("generic")).longValue()).isZero();
    }

    /** The case update's pattern: a step until the end, a decision date and working days only at the end. */
    private void run(boolean typed) {
        for (int round = 0; round < 4; round++) {
            for (int step = 0; step < 7; step++) {
                boolean last = step == 6;
                String code = last ? null : "step-" + step;
                Instant decided = last ? Instant.parse("2026-11-29T08:00:00Z") : null;
                LocalDate due = step == 0 ? null : LocalDate.of(2026, 12, 10);
                BigDecimal days = last ? new BigDecimal("3.50") : null;
                Object[] args = typed
                        ? new Object[] {SqlParams.text(code), SqlParams.timestamp(decided), SqlParams.date(due),
                                SqlParams.decimal(days), 1}
                        : new Object[] {code, decided == null ? null : SqlParams.timestamp(decided), due, days, 1};
                assertThat(jdbc.update(UPDATE, args)).isEqualTo(1);
            }
        }
    }

    private Map<String, Object> plans() {
        List<Map<String, Object>> rows = jdbc.queryForList("select count(*) as statements, "
                + "coalesce(sum(generic_plans), 0) as generic from pg_prepared_statements "
                + "where statement like 'update sql_params_probe%'");
        return rows.getFirst();
    }
}
