package org.lianban.identity.internal;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start while demo accounts exist: a user marked {@code demo} (even disabled), or any enabled
 * user whose password is the demo password; also when the demo profile is active too. Costs one password check per
 * distinct stored hash.
 */
@Component
@Profile("prod")
class ProductionGuard implements InitializingBean {

    /** What the guard needs to know about a user. */
    record StoredUser(String username, String passwordHash, boolean enabled, boolean demo) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Environment environment;

    ProductionGuard(JdbcClient jdbc, PasswordEncoder passwordEncoder, Environment environment) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (environment.matchesProfiles("demo")) {
            throw new IllegalStateException("Refusing to start: profiles 'prod' and 'demo' are both active;"
                    + " the demo profile creates users with a published password. Drop 'demo'.");
        }
        check(jdbc.sql("select username, password_hash, enabled, demo from app_user")
                .query((rs, n) -> new StoredUser(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4))).list(),
                passwordEncoder);
    }

    /** Throws {@link IllegalStateException} naming how many accounts are at fault and what to do. */
    static void check(List<StoredUser> users, PasswordEncoder passwordEncoder) {
        long demo = users.stream().filter(StoredUser::demo).count();
        List<StoredUser> enabled = users.stream().filter(StoredUser::enabled).toList();
        long demoPassword = enabled.stream().map(StoredUser::passwordHash).distinct()
                .filter(h -> h != null && passwordEncoder.matches(DemoUsers.PASSWORD, h))
                .mapToLong(h -> enabled.stream().filter(u -> h.equals(u.passwordHash())).count())
                .sum();
        if (demo > 0 || demoPassword > 0) {
            throw new IllegalStateException("Refusing to start with profile 'prod': " + demo
                    + " demo user(s) and " + demoPassword + " user(s) with the demo password exist. Use a database that"
                    + " never ran the 'demo' profile (or delete those users), and give the others their own"
                    + " passwords.");
        }
    }
}
