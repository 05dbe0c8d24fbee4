package org.lianban.notify.internal;

import java.util.Optional;

import org.lianban.cases.CaseDetails;

/** What composing an SMS needs to know beyond the event: the case, material names. */
interface CaseFacts {

    Optional<CaseDetails> find(String caseNumber);

    /** The material's name in the catalog version the case was filed under (the code if unknown). */
    String materialName(long matterVersionId, String materialCode);
}
