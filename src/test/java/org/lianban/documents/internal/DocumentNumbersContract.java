package org.lianban.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianban.documents.DocumentKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document numbers are taken in the issuing transaction: a document not issued after all leaves no gap; the counter
 * starts at 1 and counts on.
 */
abstract class DocumentNumbersContract {

    @Autowired DocumentNumbers numbers;
    @Autowired TransactionTemplate tx;

    @Test
    void theNumberOfADocumentNotIssuedIsGivenBack() {
        String rolledBack = tx.execute(s -> {
            String n = numbers.next(DocumentKind.ACCEPTANCE_NOTICE, 2031, "149901");
            s.setRollbackOnly();
            return n;
        });
        String issued = tx.execute(s -> numbers.next(DocumentKind.ACCEPTANCE_NOTICE, 2031, "149901"));
        String next = tx.execute(s -> numbers.next(DocumentKind.ACCEPTANCE_NOTICE, 2031, "149901"));

        assertThat(issued).isEqualTo(rolledBack).endsWith("149901-000001号");
        assertThat(next).endsWith("149901-000002号");
    }
}
