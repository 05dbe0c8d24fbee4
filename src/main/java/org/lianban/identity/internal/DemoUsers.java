package org.lianban.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lianban.common.Role;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo profile's users (API.md "Demo users"), created when missing while the context starts, so that other
 * modules' demo data finds them: three applicant companies, the catalog administrator, and a clerk, reviewer,
 * approver and supervisor for every region. All have the password {@value #PASSWORD}, hashed once and shared, which
 * keeps this well under a second; {@code demo = true} marks them for the production guard.
 */
@Component
@Profile("demo")
class DemoUsers implements InitializingBean {

    static final String PASSWORD = "demo";

    /** Demo applicants: plausible Shanxi companies (申请人). */
    static final List<String[]> APPLICANTS = List.of(
            new String[] {"applicant1", "山西晋北建设有限公司"},
            new String[] {"applicant2", "太原汾河置业有限公司"},
            new String[] {"applicant3", "晋中太行矿业有限公司"});

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Regions regions;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoUsers(JdbcTemplate jdbc, TransactionTemplate tx, Regions regions, PasswordEncoder passwordEncoder,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.regions = regions;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** One row of {@code app_user}. */
    record DemoUser(String username, String displayName, Role role, String regionCode) {}

    /** Every demo user for the given region tree. */
    static List<DemoUser> all(List<Region> regions) {
        List<DemoUser> users = new ArrayList<>();
        for (String[] a : APPLICANTS) {
            users.add(new DemoUser(a[0], a[1], Role.APPLICANT, null));
        }
        for (Region r : regions) {
            users.add(new DemoUser("clerk@" + r.code(), r.name() + "窗口受理人员", Role.CLERK, r.code()));
            users.add(new DemoUser("reviewer@" + r.code(), r.name() + "审查人员", Role.REVIEWER, r.code()));
            users.add(new DemoUser("approver@" + r.code(), r.name() + "审批负责人", Role.APPROVER, r.code()));
            users.add(new DemoUser("supervisor@" + r.code(), r.name() + "监察人员", Role.SUPERVISOR, r.code()));
            if (r.parentCode() == null) {
                users.add(new DemoUser("admin@" + r.code(), r.name() + "事项管理员", Role.ADMIN, r.code()));
            }
        }
        return users;
    }

    @Override
    public void afterPropertiesSet() {
        long started = System.nanoTime();
        Set<String> existing = new HashSet<>(jdbc.queryForList("select username from app_user", String.class));
        List<DemoUser> missing = all(regions.all()).stream().filter(u -> !existing.contains(u.username())).toList();
        if (missing.isEmpty()) {
            return;
        }
        String hash = passwordEncoder.encode(PASSWORD);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = missing.stream()
                .map(u -> new Object[] {u.username(), u.displayName(), u.role().name(), u.regionCode(), hash, now})
                .toList();
        tx.executeWithoutResult(s -> jdbc.batchUpdate("""
                insert into app_user (username, display_name, role, region_code, password_hash, enabled, demo,
                                      created_at)
                values (?, ?, ?, ?, ?, true, true, ?)""", rows));
        log.info("Created {} demo users in {} ms (demo profile; password '{}')", rows.size(),
                (System.nanoTime() - started) / 1_000_000, PASSWORD);
    }
}
