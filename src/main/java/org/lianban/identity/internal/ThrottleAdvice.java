package org.lianban.identity.internal;

import java.util.List;

import org.lianban.common.ProblemHandler;
import org.lianban.identity.LoginThrottledException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link LoginThrottledException} like {@link ProblemHandler} does, plus {@code Retry-After}. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ThrottleAdvice {

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> onThrottled(LoginThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .body(ProblemHandler.problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), List.of()));
    }
}
