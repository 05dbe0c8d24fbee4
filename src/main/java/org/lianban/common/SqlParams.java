package org.lianban.common;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Statement parameters that keep their SQL type when null.
 *
 * <p>Spring binds a null as untyped, and PostgreSQL's driver then sends it without a type, while a value goes with its
 * type. When the nulls of a statement change from one execution to the next (a case update: a decision date is null
 * until the decision), the driver prepares the statement again, and the server plans it again each time, because
 * a newly prepared statement gets its first five plans made for its values. Measured on the case update: 350 plans
 * for 350 executions with untyped nulls, 13 with typed ones. Use these for every parameter that can be null.
 */
public final class SqlParams {

    private static final SqlParameterValue NULL_TIMESTAMP = new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, null);
    private static final SqlParameterValue NULL_TEXT = new SqlParameterValue(Types.VARCHAR, null);
    private static final SqlParameterValue NULL_DECIMAL = new SqlParameterValue(Types.NUMERIC, null);
    private static final SqlParameterValue NULL_DATE = new SqlParameterValue(Types.DATE, null);
    private static final SqlParameterValue NULL_INTEGER = new SqlParameterValue(Types.INTEGER, null);
    private static final SqlParameterValue NULL_BOOLEAN = new SqlParameterValue(Types.BOOLEAN, null);

    private SqlParams() {
    }

    /** A {@code timestamp with time zone}: the instant at UTC. */
    public static Object timestamp(Instant at) {
        return at == null ? NULL_TIMESTAMP : at.atOffset(ZoneOffset.UTC);
    }

    public static Object text(String s) {
        return s == null ? NULL_TEXT : s;
    }

    public static Object decimal(BigDecimal d) {
        return d == null ? NULL_DECIMAL : d;
    }

    public static Object date(LocalDate d) {
        return d == null ? NULL_DATE : d;
    }

    public static Object integer(Integer i) {
        return i == null ? NULL_INTEGER : i;
    }

    public static Object bool(Boolean b) {
        return b == null ? NULL_BOOLEAN : b;
    }
}
