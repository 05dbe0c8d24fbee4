package org.lianban.identity.internal;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianban.identity.internal.ProductionGuard.StoredUser;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class ProductionGuardTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final String ownPassword = encoder.encode("a-long-own-secret");

    @Test
    void refusesWhenADemoUserExistsEvenDisabled() {
        var users = List.of(new StoredUser("clerk@140105", ownPassword, false, true));
        assertThatThrownBy(() -> ProductionGuard.check(users, encoder))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 demo user(s)");
    }

    @Test
    void refusesWhenAnEnabledUserHasTheDemoPassword() {
        var users = List.of(new StoredUser("ops", ownPassword, true, false),
                new StoredUser("clerk@140105", encoder.encode("demo"), true, false));
        assertThatThrownBy(() -> ProductionGuard.check(users, encoder))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 user(s) with the demo password");
    }

    @Test
    void startsWithOwnPasswordsAndNoDemoUsers() {
        var users = List.of(new StoredUser("ops", ownPassword, true, false),
                new StoredUser("old", encoder.encode("demo"), false, false));
        assertThatNoException().isThrownBy(() -> ProductionGuard.check(users, encoder));
    }
}
