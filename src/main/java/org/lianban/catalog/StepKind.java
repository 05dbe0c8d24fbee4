package org.lianban.catalog;

/** Kind of a flow step (API.md "Enumerations"). */
public enum StepKind {
    /** 受理: completeness check at the window; accept, refuse or ask for supplements. */
    ACCEPT,
    /** 审查: one reviewer passes the case on or returns it. */
    REVIEW,
    /** 并联会审: several parties review in parallel; all must pass, any may return. */
    JOINT_REVIEW,
    /** 决定: approve or deny. */
    DECIDE,
    /** 发证/送达: the certificate or decision is issued to the applicant. */
    ISSUE
}
