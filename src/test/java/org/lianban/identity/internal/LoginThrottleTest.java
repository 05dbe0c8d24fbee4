package org.lianban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lianban.identity.LoginThrottledException;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15));

    @Test
    void sixthAttemptAfterFiveFailuresForAUsernameIsRefused() {
        for (int i = 0; i < 5; i++) {
            throttle.checkAllowed("clerk@140105", "10.0.0.1");
            throttle.recordFailure("clerk@140105", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("clerk@140105", "10.0.0.2"))
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> {
                    assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
                    assertThat(e.retryAfterSeconds()).isPositive();
                });
        assertThatNoException().isThrownBy(() -> throttle.checkAllowed("clerk@140106", "10.0.0.2"));
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryUsernameFromIt() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("someone-else", "10.0.0.9"))
                .isInstanceOf(LoginThrottledException.class);
        assertThatNoException().isThrownBy(() -> throttle.checkAllowed("someone-else", "10.0.0.10"));
    }

    @Test
    void fewerFailuresThanTheLimitStillAllowAttempts() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("reviewer@140100", "10.0.0.3");
        }
        assertThatNoException().isThrownBy(() -> throttle.checkAllowed("reviewer@140100", "10.0.0.3"));
    }
}
