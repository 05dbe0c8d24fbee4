package org.lianban.identity;

import java.time.Duration;

import org.lianban.common.ApiException;
import org.springframework.http.HttpStatus;

/** 429: too many failed sign-ins; rendered with a {@code Retry-After} header. */
public class LoginThrottledException extends ApiException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-in attempts. Try again in "
                + Math.max(1, retryAfter.toMinutes()) + " minute(s).");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() { return retryAfter; }

    /** Whole seconds, at least 1, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
