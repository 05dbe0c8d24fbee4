package org.lianban.notify.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts rows unless a row with the same key is stored already, up to {@value #ROWS_PER_STATEMENT} per statement:
 * a redelivered event adds nothing, and a batch of events adds its rows with one statement instead of one each.
 * Portable (PostgreSQL and H2): a {@code VALUES} list, each value cast to its column's type, filtered by
 * {@code NOT EXISTS}, so a key already there is skipped without a unique violation aborting the transaction. (Two
 * transactions adding the same key at once: the later one fails on the unique key and is retried.)
 */
final class RowsIfAbsent {

    static final int ROWS_PER_STATEMENT = 500;

    private final String head;
    private final String row;
    private final String tail;

    /**
     * @param key the unique column, one of {@code columns}
     * @param columns each "name type" as the {@code VALUES} cast needs it, e.g. {@code "notice_key varchar(240)"}
     */
    RowsIfAbsent(String table, String key, String... columns) {
        List<String> names = Arrays.stream(columns).map(c -> c.substring(0, c.indexOf(' '))).toList();
        this.head = "insert into " + table + " (" + String.join(", ", names) + ") select "
                + names.stream().map(n -> "v." + n).collect(Collectors.joining(", ")) + " from (values ";
        this.row = Arrays.stream(columns).map(c -> "cast(? as " + c.substring(c.indexOf(' ') + 1) + ")")
                .collect(Collectors.joining(", ", "(", ")"));
        this.tail = ") as v(" + String.join(", ", names) + ") where not exists (select 1 from " + table
                + " t where t." + key + " = v." + key + ")";
    }

    /** Inserts the rows (values in column order) whose key is not stored; returns how many were inserted. */
    int insert(JdbcClient jdbc, List<Object[]> rows) {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> params = new ArrayList<>();
            chunk.forEach(r -> params.addAll(Arrays.asList(r)));
            inserted += jdbc.sql(head + String.join(", ", Collections.nCopies(chunk.size(), row)) + tail)
                    .params(params).update();
        }
        return inserted;
    }
}
