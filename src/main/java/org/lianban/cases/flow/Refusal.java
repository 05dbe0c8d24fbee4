package org.lianban.cases.flow;

/**
 * The engine refuses a request; {@link Kind} tells which HTTP class the caller gets. A refusal is an answer, not a
 * fault: it carries no stack trace. (The engine also lists a case's allowed actions by trying each, so every case
 * view used to fill in a dozen stack traces nobody read.)
 */
public class Refusal extends RuntimeException {

    public enum Kind {
        /** 400: a parameter is missing or wrong. */
        BAD_REQUEST,
        /** 403: the case is visible to the caller but this is not the caller's step. */
        FORBIDDEN,
        /** 422: the case's state does not allow it now. */
        NOT_ALLOWED
    }

    private final Kind kind;
    private final String field;
    private final java.util.List<String> items;

    public Refusal(Kind kind, String field, String message) {
        this(kind, field, message, java.util.List.of());
    }

    /** @param items the offending items (e.g. missing material codes), listed for the caller */
    public Refusal(Kind kind, String field, String message, java.util.List<String> items) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
        this.items = java.util.List.copyOf(items);
    }

    public java.util.List<String> items() { return items; }

    public Kind kind() { return kind; }

    /** The request field at fault for {@link Kind#BAD_REQUEST}, else null. */
    public String field() { return field; }

    static Refusal bad(String field, String message) { return new Refusal(Kind.BAD_REQUEST, field, message); }

    static Refusal forbidden(String message) { return new Refusal(Kind.FORBIDDEN, null, message); }

    static Refusal notAllowed(String message) { return new Refusal(Kind.NOT_ALLOWED, null, message); }
}
