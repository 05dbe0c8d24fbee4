package org.lianban.documents;

/** The legal documents a case produces (API.md: {@code GET /cases/{number}/documents}), with their Chinese titles. */
public enum DocumentKind {
    ACCEPTANCE_NOTICE("受理通知书", "受"),
    SUPPLEMENT_NOTICE("补正材料通知书", "补"),
    /** 不予受理 */
    REFUSAL("不予受理决定书", "不受"),
    EXTENSION_NOTICE("延期通知书", "延"),
    APPROVAL_DECISION("准予行政许可决定书", "许"),
    /** 不予行政许可: states the reasons and the right to reconsideration or litigation (《行政许可法》第38条). */
    DENIAL_DECISION("不予行政许可决定书", "不许"),
    /** 电子证照 */
    CERTIFICATE("行政许可证书", "证");

    private final String title;
    private final String numberCode;

    DocumentKind(String title, String numberCode) {
        this.title = title;
        this.numberCode = numberCode;
    }

    /** The document's title as printed. */
    public String title() {
        return title;
    }

    /** The character(s) that mark this kind in a document number, e.g. 许 in 晋自然资许〔2026〕140100-000012号. */
    public String numberCode() {
        return numberCode;
    }
}
