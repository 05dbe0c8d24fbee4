package org.lianban.cases;

/** Status of a case (办件), API.md "Enumerations". */
public enum CaseStatus {
    DRAFT, SUBMITTED,
    /** 补正: waiting for the applicant to hand in missing materials; the clock is paused. */
    SUPPLEMENT_REQUESTED,
    IN_PROGRESS,
    /** 特别程序 (expert review, hearing, public notice ...): the clock is paused. 《行政许可法》第45条 */
    SUSPENDED,
    APPROVED, DENIED,
    /** 不予受理 */
    REFUSED,
    /** certificate or decision issued: done */
    ISSUED, WITHDRAWN;

    public boolean isFinal() {
        return this == DENIED || this == REFUSED || this == ISSUED || this == WITHDRAWN;
    }
}
