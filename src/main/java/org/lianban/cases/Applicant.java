package org.lianban.cases;

/** The applicant as written on the application (申请人). idType is ID_CARD (GB 11643) or USCC (GB 32100). */
public record Applicant(String name, String idType, String idNumber, String phone) {}
