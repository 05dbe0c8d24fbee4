package org.lianban.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that nothing in their transaction reads back, held until just before it commits and then sent together: on
 * PostgreSQL as one prepared statement holding them all, which the driver sends in one round trip instead of one per
 * statement; on H2 (in the JVM: no round trips to save) one after another. Each stays its own statement, so the
 * number of SQL statements does not change, only the number of times the application waits for the database.
 *
 * <p>A case transition queues its rows here and so do the event publications of the same transaction
 * ({@link org.lianban.common.events.BatchedEventPublications}): with the row read and the commit, a transition
 * takes three round trips. A statement may name the row count it must have (a versioned update); if it has another,
 * the commit fails with {@link OptimisticLockingFailureException} and the transaction rolls back. Outside a
 * transaction, and after the flush, writes go at once. Not for writes in a savepoint that may roll back alone
 * ({@code PROPAGATION_NESTED}): they are queued with the transaction and would be written with it.
 */
@Component
public class WriteBehind {

    /**
     * One statement with its parameters ({@link SqlParams} for nullable ones); {@code rows} -1 if any count will do.
     */
    public record Statement(String sql, Object[] args, int rows) {

        public Statement(String sql, Object... args) {
            this(sql, args, -1);
        }
    }

    private static final int MAX_PARAMETERS = 65_535;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public WriteBehind(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** Queues {@code statements} for the end of the current transaction (or writes them now, outside one). */
    public void write(List<Statement> statements) {
        List<Statement> copy = List.copyOf(statements);
        if (!later(() -> copy)) {
            send(copy);
        }
    }

    /**
     * Queues statements made only when the transaction flushes (rows collected until then).
     *
     * @return false if nothing can be queued (no transaction, or it has flushed): write at once instead
     */
    public boolean later(Supplier<List<Statement>> statements) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        Queue queue = (Queue) TransactionSynchronizationManager.getResource(this);
        if (queue == null) {
            queue = new Queue();
            TransactionSynchronizationManager.bindResource(this, queue);
            TransactionSynchronizationManager.registerSynchronization(queue);
        }
        if (queue.flushed) {
            return false;
        }
        queue.parts.add(statements);
        return true;
    }

    /** The writes of one transaction. */
    private final class Queue implements TransactionSynchronization {

        private final List<Supplier<List<Statement>>> parts = new ArrayList<>();
        private boolean flushed;

        @Override
        public void beforeCommit(boolean readOnly) {
            flushed = true;
            List<Statement> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.get()));
            send(all);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(WriteBehind.this);
        }
    }

    private void send(List<Statement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        if (statements.size() == 1 || !postgres) {
            for (Statement s : statements) {
                check(s, jdbc.update(s.sql(), s.args()));
            }
            return;
        }
        // a call carries at most 65 535 parameters (PostgreSQL's protocol): as many calls as that takes
        List<Statement> call = new ArrayList<>();
        int parameters = 0;
        for (Statement s : statements) {
            if (!call.isEmpty() && parameters + s.args().length > MAX_PARAMETERS) {
                sendTogether(call);
                call = new ArrayList<>();
                parameters = 0;
            }
            call.add(s);
            parameters += s.args().length;
        }
        sendTogether(call);
    }

    private void sendTogether(List<Statement> statements) {
        jdbc.execute(String.join(";\n", statements.stream().map(Statement::sql).toList()),
                (PreparedStatementCallback<Void>) ps -> {
                    new ArgumentPreparedStatementSetter(statements.stream().flatMap(s -> Arrays.stream(s.args()))
                            .toArray()).setValues(ps);
                    ps.execute();
                    for (Statement s : statements) {
                        check(s, ps.getUpdateCount());
                        ps.getMoreResults();
                    }
                    return null;
                });
    }

    private static void check(Statement s, int rows) {
        if (s.rows() >= 0 && rows != s.rows()) {
            throw new OptimisticLockingFailureException(rows + " rows instead of " + s.rows() + ": " + s.sql());
        }
    }
}
