package org.lianban.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can do something about. Rendered as RFC 9457 problem+json by {@link ProblemHandler};
 * pages render {@link #getMessage()} (and {@link #errors()}) next to the offending field.
 */
public class ApiException extends RuntimeException {

    /** One bad field (or row/field of an imported file): where it is and how to fix it. */
    public record FieldProblem(String field, String message) {}

    private final HttpStatus status;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public HttpStatus status() { return status; }

    public List<FieldProblem> errors() { return errors; }

    public static ApiException badRequest(String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail, errors);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, List.of(new FieldProblem(field, message)));
    }

    /** 401: not signed in, or wrong credentials. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail);
    }

    public static ApiException notFound(String detail) { return new ApiException(HttpStatus.NOT_FOUND, detail); }

    public static ApiException forbidden(String detail) { return new ApiException(HttpStatus.FORBIDDEN, detail); }

    public static ApiException conflict(String detail) { return new ApiException(HttpStatus.CONFLICT, detail); }

    /** 422: the request is well-formed but the case's state does not allow it now. */
    public static ApiException notAllowed(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }

    public static ApiException tooLarge(String detail) { return new ApiException(HttpStatus.CONTENT_TOO_LARGE, detail); }

    public static ApiException unsupportedType(String detail) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    public static ApiException tooManyRequests(String detail) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail);
    }
}
