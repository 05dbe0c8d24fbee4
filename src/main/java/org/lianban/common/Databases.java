package org.lianban.common;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database the platform runs on, for the few places that use what only PostgreSQL has. */
public final class Databases {

    private Databases() {
    }

    /** Asks the database once (call it when building a bean, not per request). */
    public static boolean isPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL".equalsIgnoreCase(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}
