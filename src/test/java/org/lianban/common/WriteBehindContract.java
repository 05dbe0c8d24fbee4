package org.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queued writes go just before the commit, in order, and all or none: a versioned update that misses rolls the whole
 * transaction back, the writes made at once in it too.
 */
abstract class WriteBehindContract {

    @Autowired WriteBehind writeBehind;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void table() {
        jdbc.execute("create table if not exists write_behind_probe (id int primary key, v int not null)");
        jdbc.update("delete from write_behind_probe");
        jdbc.update("insert into write_behind_probe (id, v) values (1, 0)");
    }

    @Test
    void queuedWritesGoAtTheCommitInTheOrderQueued() {
        tx.executeWithoutResult(status -> {
            writeBehind.write(List.of(new WriteBehind.Statement("insert into write_behind_probe (id, v) values (?, ?)",
                    2, 10), new WriteBehind.Statement("update write_behind_probe set v = v + 1 where id = ?", 2)));
            assertThat(count()).as("nothing sent before the commit").isEqualTo(1);
        });
        assertThat(jdbc.queryForObject("select v from write_behind_probe where id = 2", Integer.class)).isEqualTo(11);
    }

    @Test
    void aVersionedUpdateThatMissesFailsTheCommitAndLeavesNothing() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            jdbc.update("insert into write_behind_probe (id, v) values (3, 0)");
            writeBehind.write(List.of(
                    new WriteBehind.Statement("update write_behind_probe set v = 1 where id = ? and v = ?",
                            new Object[] {1, 99}, 1),
                    new WriteBehind.Statement("insert into write_behind_probe (id, v) values (?, ?)", 4, 0)));
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select v from write_behind_probe where id = 1", Integer.class)).isZero();
    }

    @Test
    void outsideATransactionWritesGoAtOnce() {
        writeBehind.write(List.of(new WriteBehind.Statement("insert into write_behind_probe (id, v) values (?, ?)",
                5, 7)));
        assertThat(count()).isEqualTo(2);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from write_behind_probe", Integer.class);
    }
}
