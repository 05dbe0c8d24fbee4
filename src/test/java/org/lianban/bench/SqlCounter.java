package org.lianban.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts JDBC statement executions and commits made by measured threads: a DataSource wrapper (dynamic proxies on
 * DataSource, Connection and Statement). Statements touching Spring Modulith's {@code event_publication} table are
 * counted apart, so the request path and the outbox can be reported separately.
 */
final class SqlCounter implements BeanPostProcessor {

    static final LongAdder STATEMENTS = new LongAdder();
    static final LongAdder EVENT_STATEMENTS = new LongAdder();
    static final LongAdder COMMITS = new LongAdder();
    private static final ThreadLocal<Boolean> MEASURING = ThreadLocal.withInitial(() -> false);
    static final LongAdder ROUND_TRIPS = new LongAdder();
    /** This thread's counts: statements, commits, event_publication statements, round trips. */
    static final ThreadLocal<long[]> MINE = ThreadLocal.withInitial(() -> new long[4]);

    /** Off: connections are handed out unwrapped, so the timed runs pay nothing for the counting. */
    private static volatile boolean enabled;

    static void enabled(boolean on) {
        enabled = on;
    }

    static void measure(boolean on) {
        MEASURING.set(on);
    }

    static void reset() {
        STATEMENTS.reset();
        EVENT_STATEMENTS.reset();
        COMMITS.reset();
        ROUND_TRIPS.reset();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds ? wrap(ds) : bean;
    }

    static DataSource wrap(DataSource ds) {
        return proxy(DataSource.class, ds, (p, m, args) -> {
            Object r = invoke(ds, m, args);
            return enabled && m.getName().equals("getConnection") ? connection((Connection) r) : r;
        });
    }

    /** A commit counts only if a statement ran since the last one (the driver sends nothing for an empty one). */
    private static Connection connection(Connection c) {
        boolean[] dirty = {false};
        return proxy(Connection.class, c, (p, m, args) -> {
            if (m.getName().equals("commit")) {
                if (dirty[0] && MEASURING.get()) {
                    COMMITS.increment();
                    MINE.get()[1]++;
                    ROUND_TRIPS.increment();
                    MINE.get()[3]++;
                }
                dirty[0] = false;
            } else if (m.getName().equals("rollback")) {
                dirty[0] = false;
            }
            Object r = invoke(c, m, args);
            if (r instanceof PreparedStatement ps && m.getName().equals("prepareStatement")) {
                return statement(PreparedStatement.class, ps, (String) args[0], dirty);
            }
            if (r instanceof Statement s && m.getName().equals("createStatement")) {
                return statement(Statement.class, s, null, dirty);
            }
            return r;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, S s, String preparedSql, boolean[] dirty) {
        return proxy(type, s, (p, m, args) -> {
            if (m.getName().startsWith("execute")) {
                dirty[0] = true;
            }
            if (m.getName().startsWith("execute") && MEASURING.get()) {
                String sql = preparedSql != null ? preparedSql
                        : args != null && args.length > 0 && args[0] instanceof String q ? q : "";
                // a prepared statement holding several (WriteBehind) is one round trip for all of them
                for (String one : sql.split(";\n", -1)) {
                    boolean event = one.toLowerCase(java.util.Locale.ROOT).contains("event_publication");
                    (event ? EVENT_STATEMENTS : STATEMENTS).increment();
                    MINE.get()[event ? 2 : 0]++;
                }
                ROUND_TRIPS.increment();
                MINE.get()[3]++;
            }
            return invoke(s, m, args);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler h) {
        return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
