package org.lianban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.lianban.ScratchDatabase;
import org.lianban.ScratchDatabase.Kind;
import org.lianban.common.ClockConfig;
import org.lianban.identity.FakeRegions;
import org.lianban.identity.UserAdmin;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first administrator of a production install, on a database without users. */
class AdminBootstrapTest {

    private static final String PASSWORD = "first admin passphrase";
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private AdminBootstrap node(ScratchDatabase db, String password) {
        var regions = new FakeRegions();
        var users = new UserAdminService(db.jdbc(), db.tx(), regions, encoder, Clock.system(ClockConfig.CHINA));
        return new AdminBootstrap(users, regions, db.tx(), db.tableLock(), password);
    }

    private static long admins(ScratchDatabase db) {
        return db.jdbc().sql("select count(*) from app_user where role = 'ADMIN'").query(Long.class).single();
    }

    @Test
    void createsTheProvinceAdministratorWithTheConfiguredPasswordAndAuditsIt() {
        try (ScratchDatabase db = ScratchDatabase.of(Kind.H2)) {
            assertThat(node(db, PASSWORD).bootstrap()).isTrue();
            var row = db.jdbc().sql("select role, region_code, enabled, demo, password_hash from app_user"
                            + " where username = 'admin@140000'")
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            rs.getBoolean(4), rs.getString(5)})
                    .single();
            assertThat(row).containsExactly("ADMIN", "140000", true, false, row[4]);
            assertThat(encoder.matches(PASSWORD, (String) row[4])).isTrue();
            var users = new UserAdminService(db.jdbc(), db.tx(), new FakeRegions(), encoder, Clock.systemUTC());
            assertThat(users.audit("admin@140000", 10)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.action()).isEqualTo(UserAdmin.Action.BOOTSTRAP);
                        assertThat(e.actor()).isEqualTo(AdminBootstrap.ACTOR);
                        assertThat(e.details()).doesNotContain(PASSWORD);
                    });
        }
    }

    @Test
    void doesNothingWhenAnAdministratorExists() {
        try (ScratchDatabase db = ScratchDatabase.of(Kind.H2)) {
            assertThat(node(db, PASSWORD).bootstrap()).isTrue();
            assertThat(node(db, "another long passphrase").bootstrap()).isFalse();
            assertThat(admins(db)).isEqualTo(1);
        }
    }

    @Test
    void withoutAPasswordNoAdministratorIsCreated() {
        try (ScratchDatabase db = ScratchDatabase.of(Kind.H2)) {
            assertThat(node(db, "").bootstrap()).isFalse();
            assertThat(admins(db)).isZero();
        }
    }

    @Test
    void aShortPasswordStopsTheStartAndCreatesNothing() {
        try (ScratchDatabase db = ScratchDatabase.of(Kind.H2)) {
            assertThatThrownBy(() -> node(db, "demo").bootstrap()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("admin@140000").hasMessageContaining("at least 12 characters")
                    .hasMessageNotContaining("demo ");
            assertThat(admins(db)).isZero();
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+")
    void twoNodesStartingTogetherCreateOneAdministrator() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.of(Kind.POSTGRESQL)) {
            boolean secondCreated = db.raceTwoNodes("app_user", () -> node(db, PASSWORD).bootstrap(),
                    () -> node(db, PASSWORD).bootstrap());
            assertThat(secondCreated).isFalse();
            assertThat(admins(db)).isEqualTo(1);
        }
    }
}
