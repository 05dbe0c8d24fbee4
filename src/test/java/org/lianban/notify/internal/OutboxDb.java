package org.lianban.notify.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A database of its own holding just the notify tables (V8__notify.sql, and V8_1 on PostgreSQL), so dispatchers built in a test are the only
 * ones sending: an in-memory H2 in PostgreSQL mode, or a fresh schema in the PostgreSQL of {@code LIANBAN_TEST_PG_URL}.
 */
final class OutboxDb implements AutoCloseable {

    final String url;
    private final String schema;
    private final HikariDataSource admin;

    private OutboxDb(String url, String schema) {
        this.url = url;
        this.schema = schema;
        this.admin = pool(url, 2);
        if (schema != null) {
            JdbcClient.create(admin).sql("create schema " + schema).update();
        }
        try (HikariDataSource ds = pool(withSchema(url, schema), 1); Connection c = ds.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/V8__notify.sql"));
            if (schema != null) {
                ScriptUtils.executeSqlScript(c, new ClassPathResource(
                        "db/vendor/postgresql/V8_1__notify_claimable_index.sql"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static OutboxDb h2() {
        return new OutboxDb("jdbc:h2:mem:notify-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", null);
    }

    static OutboxDb postgres() {
        return new OutboxDb(System.getenv("LIANBAN_TEST_PG_URL"), "notify_t_" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 12));
    }

    /** A pool of its own: one per dispatcher "node" in multi-node tests. */
    HikariDataSource newPool(int size) {
        return pool(withSchema(url, schema), size);
    }

    static SmsOutbox outbox(DataSource ds, Clock clock) {
        return new SmsOutbox(JdbcClient.create(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)), clock);
    }

    private static String withSchema(String url, String schema) {
        return schema == null ? url : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(url.startsWith("jdbc:h2") ? "sa" : "postgres");
        c.setPassword("");
        c.setMaximumPoolSize(size);
        return new HikariDataSource(c);
    }

    @Override
    public void close() {
        if (schema != null) {
            JdbcClient.create(admin).sql("drop schema " + schema + " cascade").update();
        }
        admin.close();
    }
}
