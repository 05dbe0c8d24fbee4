package org.lianban.documents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.lianban.documents.DocumentKind;

/**
 * Everything printed on one document, gathered from the case, the catalog and the region tree. Plain data so that
 * composing, rendering and signing are testable without Spring or a database. Fields a kind does not use are null.
 *
 * @param applicationDate  the day the application was submitted (申请日期)
 * @param acceptedDate     the day it was accepted (受理日期)
 * @param dueDate          decision due date: acceptance notice; new due date: extension; respond-by: supplement notice
 * @param reason           refusal, extension or denial reason; approver's opinion on an approval; clerk's note on a
 *                         supplement request
 * @param items            missing materials (supplement notice)
 * @param fields           content of the licence from the application form (approval decision, certificate)
 * @param certificate      the certificate's own data (certificate), or the certificate an approval refers to
 */
public record DocumentRequest(DocumentKind kind, String number, String caseNumber, Authority authority, Holder holder,
        String matterName, String legalBasis, LocalDate applicationDate, LocalDate acceptedDate, LocalDate dueDate,
        String reason, int days, List<String> items, List<Field> fields, CertificateInfo certificate,
        Instant issuedAt) {

    /** The issuing authority (发证/决定机关) and the region whose key signs for it. */
    public record Authority(String regionCode, String name) {}

    /** The applicant (申请人 / 持证人). idType: ID_CARD or USCC. */
    public record Holder(String name, String idType, String idNumber) {

        /** The Chinese name of the ID type as printed. */
        public String idTypeName() {
            return switch (idType == null ? "" : idType) {
                case "ID_CARD" -> "居民身份证";
                case "USCC" -> "统一社会信用代码";
                default -> "证件";
            };
        }
    }

    /** One printed "label: value" line. */
    public record Field(String label, String value) {}

    /** A certificate's number, verification code, the URL its QR code leads to, and validity. */
    public record CertificateInfo(String number, String verificationCode, String verifyUrl, LocalDate validUntil) {}

    public DocumentRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(issuedAt, "issuedAt");
        items = items == null ? List.of() : List.copyOf(items);
        fields = fields == null ? List.of() : List.copyOf(fields);
        if (kind == DocumentKind.CERTIFICATE && certificate == null) {
            throw new IllegalArgumentException("a certificate needs its certificate data");
        }
    }

    public static Builder builder(DocumentKind kind) {
        return new Builder(kind);
    }

    /** Builder, because most kinds use only a few of the fields. */
    public static final class Builder {
        private final DocumentKind kind;
        private String number;
        private String caseNumber;
        private Authority authority;
        private Holder holder;
        private String matterName;
        private String legalBasis;
        private LocalDate applicationDate;
        private LocalDate acceptedDate;
        private LocalDate dueDate;
        private String reason;
        private int days;
        private List<String> items;
        private List<Field> fields;
        private CertificateInfo certificate;
        private Instant issuedAt;

        private Builder(DocumentKind kind) {
            this.kind = kind;
        }

        public Builder number(String v) { number = v; return this; }
        public Builder caseNumber(String v) { caseNumber = v; return this; }
        public Builder authority(Authority v) { authority = v; return this; }
        public Builder holder(Holder v) { holder = v; return this; }
        public Builder matterName(String v) { matterName = v; return this; }
        public Builder legalBasis(String v) { legalBasis = v; return this; }
        public Builder applicationDate(LocalDate v) { applicationDate = v; return this; }
        public Builder acceptedDate(LocalDate v) { acceptedDate = v; return this; }
        public Builder dueDate(LocalDate v) { dueDate = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder days(int v) { days = v; return this; }
        public Builder items(List<String> v) { items = v; return this; }
        public Builder fields(List<Field> v) { fields = v; return this; }
        public Builder certificate(CertificateInfo v) { certificate = v; return this; }
        public Builder issuedAt(Instant v) { issuedAt = v; return this; }

        public DocumentRequest build() {
            return new DocumentRequest(kind, number, caseNumber, authority, holder, matterName, legalBasis,
                    applicationDate, acceptedDate, dueDate, reason, days, items, fields, certificate, issuedAt);
        }
    }
}
