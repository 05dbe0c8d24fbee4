package org.lianban.documents.internal;

import java.security.SecureRandom;
import java.util.Optional;

import javax.sql.DataSource;

import org.lianban.common.Databases;
import org.lianban.documents.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Document numbers (文号) such as {@code 晋自然资许〔2026〕140100-000012号}: kind, year, issuing authority and a counter
 * per (kind, year, authority). Also the certificates' verification codes.
 */
@Component
class DocumentNumbers {

    /** No 0/O, 1/I/L: the code is also typed in by hand. 31 symbols, 16 of them ≈ 79 random bits. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 16;

    private final JdbcClient jdbc;
    /** The counter moved and read in one statement: PostgreSQL's {@code returning}, H2's data change delta table. */
    private final String increment;
    private final SecureRandom random = new SecureRandom();

    DocumentNumbers(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        String update = "update document_number_counter set last_value = last_value + 1 where prefix = ?";
        this.increment = Databases.isPostgres(dataSource) ? update + " returning last_value"
                : "select last_value from final table (" + update + ")";
    }

    /**
     * The next number, taken in the caller's (issuing) transaction: a document that is not issued after all gives its
     * number back (no gap), and the counter row stays locked until that transaction ends. That is short now that
     * issuing renders nothing (at most one listener batch, one per node; before, a number had its own transaction and
     * commit so the lock would not be held while a PDF was signed). Two nodes creating the first counter of a prefix
     * at the same moment: one fails on the unique key and its batch is retried, by then the row exists.
     */
    String next(DocumentKind kind, int year, String authorityCode) {
        String prefix = kind.name() + "/" + year + "/" + authorityCode;
        return format(kind, year, authorityCode, take(prefix));
    }

    static String format(DocumentKind kind, int year, String authorityCode, long seq) {
        return "晋自然资" + kind.numberCode() + "〔" + year + "〕" + authorityCode + "-" + String.format("%06d", seq) + "号";
    }

    private long take(String prefix) {
        Optional<Long> next = jdbc.sql(increment).param(prefix).query(Long.class).optional();
        if (next.isEmpty()) {
            jdbc.sql("insert into document_number_counter (prefix, last_value) values (?, 1)").param(prefix).update();
            return 1;
        }
        return next.get();
    }

    String verificationCode() {
        char[] c = new char[CODE_LENGTH];
        for (int i = 0; i < c.length; i++) {
            c[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(c);
    }
}
