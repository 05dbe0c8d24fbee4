package org.lianban.documents.internal;

import java.security.SecureRandom;

import org.lianban.documents.DocumentKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document numbers (文号) such as {@code 晋自然资许〔2026〕140100-000012号}: kind, year, issuing authority and a counter
 * per (kind, year, authority), taken in the issuing transaction so a rolled-back document leaves no gap. Also the
 * certificates' verification codes.
 */
@Component
class DocumentNumbers {

    /** No 0/O, 1/I/L: the code is also typed in by hand. 31 symbols, 16 of them ≈ 79 random bits. */
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 16;

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final SecureRandom random = new SecureRandom();

    DocumentNumbers(JdbcClient jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(tx);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(DocumentKind kind, int year, String authorityCode) {
        return format(kind, year, authorityCode, nextValue(kind.name() + "/" + year + "/" + authorityCode));
    }

    static String format(DocumentKind kind, int year, String authorityCode, long seq) {
        return "晋自然资" + kind.numberCode() + "〔" + year + "〕" + authorityCode + "-" + String.format("%06d", seq) + "号";
    }

    private long nextValue(String prefix) {
        if (increment(prefix) == 0) {
            // first number of this prefix: create the counter in its own transaction, so that losing a race to
            // another node (duplicate key) does not abort ours (PostgreSQL aborts a transaction on any error)
            separately.executeWithoutResult(s -> {
                try {
                    jdbc.sql("insert into document_number_counter (prefix, last_value) values (?, 0)").param(prefix)
                            .update();
                } catch (DuplicateKeyException raced) {
                    s.setRollbackOnly();
                }
            });
            if (increment(prefix) == 0) {
                throw new IllegalStateException("document number counter " + prefix + " is missing");
            }
        }
        return jdbc.sql("select last_value from document_number_counter where prefix = ?").param(prefix)
                .query(Long.class).single();
    }

    /** Locks the counter row until the transaction ends: concurrent issuers of the same prefix queue here. */
    private int increment(String prefix) {
        return jdbc.sql("update document_number_counter set last_value = last_value + 1 where prefix = ?")
                .param(prefix).update();
    }

    String verificationCode() {
        char[] c = new char[CODE_LENGTH];
        for (int i = 0; i < c.length; i++) {
            c[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(c);
    }
}
