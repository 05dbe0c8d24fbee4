package org.lianban.cases;

/** Result of walking the audit hash chains: {@code firstBroken} is null when every chain is intact. */
public record AuditReport(boolean valid, long checked, BrokenLink firstBroken) {

    public record BrokenLink(long id, String caseNumber) {}
}
