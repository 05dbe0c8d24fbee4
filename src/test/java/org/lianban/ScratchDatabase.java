package org.lianban;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.lianban.common.TableLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A fresh, empty, migrated database outside the shared Spring context, for what needs empty tables (first-start
 * loads, the first administrator): an in-memory H2 of its own, or a schema of its own on the PostgreSQL test server
 * ({@code LIANBAN_TEST_PG_URL}), dropped on {@link #close()}.
 */
public final class ScratchDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    private final Kind kind;
    private final String schema;
    private final HikariDataSource dataSource;

    private ScratchDatabase(Kind kind) {
        this.kind = kind;
        this.schema = "scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.dataSource = new HikariDataSource();
        dataSource.setMaximumPoolSize(4);
        if (kind == Kind.H2) {
            dataSource.setJdbcUrl("jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH");
            dataSource.setUsername("sa");
        } else {
            String url = System.getenv("LIANBAN_TEST_PG_URL");
            dataSource.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            dataSource.setUsername("postgres");
            dataSource.setPassword("");
        }
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration",
                "classpath:db/vendor/" + (kind == Kind.H2 ? "h2" : "postgresql"));
        if (kind == Kind.POSTGRESQL) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
    }

    /** A new scratch database of that kind; POSTGRESQL needs {@code LIANBAN_TEST_PG_URL}. */
    public static ScratchDatabase of(Kind kind) {
        return new ScratchDatabase(kind);
    }

    public Kind kind() { return kind; }

    public DataSource dataSource() { return dataSource; }

    public JdbcClient jdbc() { return JdbcClient.create(dataSource); }

    public TransactionTemplate tx() { return new TransactionTemplate(new DataSourceTransactionManager(dataSource)); }

    public TableLock tableLock() { return new TableLock(dataSource); }

    public long count(String table) {
        return jdbc().sql("select count(*) from " + table).query(Long.class).single();
    }

    /**
     * Two nodes starting at once on PostgreSQL, made deterministic: the first node runs {@code first} inside a
     * transaction that stays open until the second node (another thread running {@code second}) is seen waiting for
     * a lock on {@code table}; then the first commits and both finish. Fails if the second never waits (i.e. the
     * load takes no lock and would clash) or if either node fails.
     *
     * @return what the second node's load returned
     */
    public <T> T raceTwoNodes(String table, Supplier<?> first, Supplier<T> second) throws Exception {
        if (kind != Kind.POSTGRESQL) {
            throw new IllegalStateException("Only PostgreSQL locks tables");
        }
        // threads of their own: the common pool may have a single thread, which the first node would hold
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            return race(table, first, second, nodes);
        }
    }

    private <T> T race(String table, Supplier<?> first, Supplier<T> second, ExecutorService nodes) throws Exception {
        CountDownLatch firstLoaded = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Object> firstNode = CompletableFuture.supplyAsync(() -> tx().execute(s -> {
            Object result = first.get();
            firstLoaded.countDown();
            try {
                if (!releaseFirst.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The first node was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return result;
        }), nodes);
        if (!firstLoaded.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The first node did not load: " + firstNode.handle((r, e) -> e).join());
        }
        CompletableFuture<T> secondNode = CompletableFuture.supplyAsync(second, nodes);
        try {
            awaitLockWait(table, secondNode);
        } finally {
            releaseFirst.countDown();
        }
        firstNode.get(30, TimeUnit.SECONDS);
        return secondNode.get(30, TimeUnit.SECONDS);
    }

    /** Polls pg_locks until a session waits for a lock on {@code table} in this schema. */
    private void awaitLockWait(String table, CompletableFuture<?> waiter) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            long waiting = jdbc().sql("""
                            select count(*) from pg_locks l
                            join pg_class c on c.oid = l.relation
                            join pg_namespace n on n.oid = c.relnamespace
                            where not l.granted and n.nspname = ? and c.relname = ?""")
                    .params(schema, table).query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            if (waiter.isDone()) {
                throw new AssertionError("The second node finished without waiting for the first node's lock on "
                        + table + ": " + waiter.handle((r, e) -> e == null ? "returned " + r : e.toString()).join());
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        throw new AssertionError("The second node never waited for a lock on " + table
                + " (it is probably blocked on a row of the first node instead, which ends in a key clash)");
    }

    @Override
    public void close() {
        try {
            if (kind == Kind.POSTGRESQL) {
                jdbc().sql("drop schema " + schema + " cascade").update();
            }
        } finally {
            dataSource.close();
        }
    }
}
