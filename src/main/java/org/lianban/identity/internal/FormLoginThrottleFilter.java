package org.lianban.identity.internal;

import java.io.IOException;

import org.lianban.identity.LoginThrottledException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies {@link LoginThrottle} to the page sign-in form ({@code POST /login}): refuses throttled attempts with 429
 * and {@code Retry-After} before any password check, and counts failures. Not a bean: only the pages chain uses it.
 */
class FormLoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ProblemWriter problems;

    FormLoginThrottleFilter(LoginThrottle throttle, ProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(HttpMethod.POST.matches(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            throttle.checkAllowed(request.getParameter("username"), request.getRemoteAddr());
        } catch (LoginThrottledException e) {
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Counts the failure, then shows the form again with an error, as Spring's default does. */
    AuthenticationFailureHandler countingFailures() {
        var redisplay = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            throttle.recordFailure(request.getParameter("username"), request.getRemoteAddr());
            redisplay.onAuthenticationFailure(request, response, e);
        };
    }
}
