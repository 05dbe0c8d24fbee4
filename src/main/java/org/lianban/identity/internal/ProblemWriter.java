package org.lianban.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.lianban.common.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes problem+json from security filters, which run before any controller advice: the same body shape as
 * {@link ProblemHandler}. Also the API chain's 401 entry point and 403 handler.
 */
@Component
class ProblemWriter {

    private final JacksonJsonHttpMessageConverter converter;

    ProblemWriter(JsonMapper json) {
        this.converter = new JacksonJsonHttpMessageConverter(json);
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemHandler.problem(status, detail, List.of());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        try (ServletServerHttpResponse out = new ServletServerHttpResponse(response)) {
            converter.write(problem, MediaType.APPLICATION_PROBLEM_JSON, out);
        }
    }

    /** 401 for the API: no credentials, or a token that is unknown, expired or revoked. */
    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED, detailOf(e));
        };
    }

    /** 403 for the API: signed in, but the role does not allow this. */
    AccessDeniedHandler forbidden() {
        return (request, response, e) ->
                write(request, response, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
    }

    private static String detailOf(AuthenticationException e) {
        return e instanceof InvalidTokenException ? e.getMessage()
                : "Sign in first: send 'Authorization: Bearer <token>' (POST /api/v1/auth/token issues one).";
    }

    /** A bearer token that is unknown, expired or revoked. */
    static final class InvalidTokenException extends AuthenticationException {
        InvalidTokenException() {
            super("The token is unknown, expired or revoked; request a new one at POST /api/v1/auth/token.");
        }
    }
}
