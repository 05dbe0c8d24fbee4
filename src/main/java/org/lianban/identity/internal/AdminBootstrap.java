package org.lianban.identity.internal;

import org.lianban.common.ApiException;
import org.lianban.common.Role;
import org.lianban.common.TableLock;
import org.lianban.identity.UserAdmin;
import org.lianban.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first administrator of a production install: on a start with profile {@code prod} and no ADMIN account, if
 * {@code lianban.identity.bootstrap-admin-password} (env {@code LIANBAN_BOOTSTRAP_ADMIN_PASSWORD}) is set, creates
 * {@code admin@<province code>} with it; that administrator then creates everyone else through
 * {@code /api/v1/admin/users}. Runs after the {@link ProductionGuard} accepted the database; nodes starting together
 * create it once ({@link TableLock} on {@code app_user}, then a re-check). Logs that it happened, never the password.
 */
@Component
@Profile("prod")
class AdminBootstrap implements SmartInitializingSingleton {

    static final String ACTOR = "bootstrap";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAdminService users;
    private final Regions regions;
    private final TransactionTemplate tx;
    private final TableLock lock;
    private final String password;

    AdminBootstrap(UserAdminService users, Regions regions, TransactionTemplate tx, TableLock lock,
            @Value("${lianban.identity.bootstrap-admin-password:${LIANBAN_BOOTSTRAP_ADMIN_PASSWORD:}}")
            String password) {
        this.users = users;
        this.regions = regions;
        this.tx = tx;
        this.lock = lock;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bootstrap();
    }

    /** Creates the first administrator when there is none and a password is configured; true if this call did. */
    boolean bootstrap() {
        if (users.anyAdmin()) {
            if (!password.isEmpty()) {
                log.info("An administrator exists: the bootstrap administrator password is ignored; remove"
                        + " LIANBAN_BOOTSTRAP_ADMIN_PASSWORD from the environment");
            }
            return false;
        }
        if (password.isEmpty()) {
            log.warn("No administrator account exists. Set LIANBAN_BOOTSTRAP_ADMIN_PASSWORD (at least {}"
                    + " characters) and restart to create admin@{}", UserRules.MIN_PASSWORD,
                    regions.province().code());
            return false;
        }
        String username = "admin@" + regions.province().code();
        UserAdmin.NewUser admin = new UserAdmin.NewUser(username, regions.province().name() + "系统管理员",
                Role.ADMIN.name(), regions.province().code(), password);
        Boolean created;
        try {
            created = tx.execute(s -> {
                lock.exclusive("app_user");
                if (users.anyAdmin()) {
                    return false;
                }
                users.create(admin, ACTOR, UserAdmin.Action.BOOTSTRAP);
                return true;
            });
        } catch (ApiException e) {
            throw new IllegalStateException("Cannot create the bootstrap administrator " + username + ": "
                    + (e.errors().isEmpty() ? e.getMessage() : e.errors())
                    + " (set LIANBAN_BOOTSTRAP_ADMIN_PASSWORD accordingly)", e);
        }
        if (Boolean.TRUE.equals(created)) {
            log.info("Created the bootstrap administrator {} with the configured password; remove"
                    + " LIANBAN_BOOTSTRAP_ADMIN_PASSWORD from the environment now", username);
        } else {
            log.info("Another node created the first administrator at the same time");
        }
        return Boolean.TRUE.equals(created);
    }
}
