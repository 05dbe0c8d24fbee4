package org.lianban.common;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialises writers of one table across nodes that share a database, for work that must happen once: loading
 * reference data into empty tables on first start, replacing a calendar year, creating the first administrator.
 * Take it inside the transaction, then re-check what you are about to do: a node that waited sees the other node's
 * committed rows.
 *
 * <p>On PostgreSQL this is {@code LOCK TABLE ... IN EXCLUSIVE MODE}, held until the transaction ends; it blocks other
 * writers and other lockers, never readers. H2 has no {@code LOCK TABLE}; its file database is opened by one process
 * only (a second node cannot even start on it), so there is nothing to serialise and the call does nothing.
 */
@Component
public class TableLock {

    private final JdbcClient jdbc;
    private final boolean postgres;

    public TableLock(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.postgres = Databases.isPostgres(dataSource);
    }

    /**
     * Locks {@code table} (a fixed table name, never user input) until the current transaction ends.
     *
     * @throws IllegalStateException when no transaction is active: the lock would end with the statement
     */
    public void exclusive(String table) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Lock " + table + " inside a transaction; it is held until the end of it");
        }
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        if (postgres) {
            jdbc.sql("lock table " + table + " in exclusive mode").update();
        }
    }
}
