package org.lianban.cases;

import java.util.Optional;

/** Read access to cases for other modules. Visibility checks are the caller's business (see identity). */
public interface Cases {

    Optional<CaseDetails> find(String number);
}
