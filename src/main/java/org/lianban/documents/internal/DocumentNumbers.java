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
 * per (kind, year, authority). Also the certificates' verification codes.
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

    /**
     * The next number, taken in its own short transaction: the counter row stays locked only for that instant, not
     * while the document is rendered and signed (which would make every other issuer of the same authority wait). A
     * document whose transaction fails afterwards leaves a gap in the sequence; numbers are never given twice.
     */
    String next(DocumentKind kind, int year, String authorityCode) {
        String prefix = kind.name() + "/" + year + "/" + authorityCode;
        for (int attempt = 0; ; attempt++) {
            try {
                return format(kind, year, authorityCode, separately.execute(s -> take(prefix)));
            } catch (DuplicateKeyException raced) {
                // another node created this counter at the same moment: its row exists now, take again
                if (attempt >= 2) {
                    throw raced;
                }
            }
        }
    }

    static String format(DocumentKind kind, int year, String authorityCode, long seq) {
        return "晋自然资" + kind.numberCode() + "〔" + year + "〕" + authorityCode + "-" + String.format("%06d", seq) + "号";
    }

    private long take(String prefix) {
        int updated = jdbc.sql("update document_number_counter set last_value = last_value + 1 where prefix = ?")
                .param(prefix).update();
        if (updated == 0) {
            jdbc.sql("insert into document_number_counter (prefix, last_value) values (?, 1)").param(prefix).update();
            return 1;
        }
        return jdbc.sql("select last_value from document_number_counter where prefix = ?").param(prefix)
                .query(Long.class).single();
    }

    String verificationCode() {
        char[] c = new char[CODE_LENGTH];
        for (int i = 0; i < c.length; i++) {
            c[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(c);
    }
}
