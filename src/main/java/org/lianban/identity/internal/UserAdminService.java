package org.lianban.identity.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.common.ClockConfig;
import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.identity.UserAdmin;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Accounts in {@code app_user}, changed by administrators; each change and its {@code user_audit} row commit together.
 * The log says what kind of change happened, never whose account (the audit trail does).
 */
@Service
class UserAdminService implements UserAdmin {

    static final List<String> CSV_HEADER = List.of("username", "displayName", "role", "regionCode");
    static final int MAX_IMPORT_ROWS = 2000;
    /** Initial passwords: 16 characters without look-alikes (0/O, 1/l/I), about 93 bits. */
    private static final String ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int INITIAL_PASSWORD_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
    private static final Logger log = LoggerFactory.getLogger(UserAdminService.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Regions regions;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserAdminService(JdbcClient jdbc, TransactionTemplate tx, Regions regions, PasswordEncoder passwordEncoder,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.regions = regions;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public List<UserView> list(String regionCode, Role role) {
        StringBuilder sql = new StringBuilder(
                "select username, display_name, role, region_code, enabled, created_at from app_user where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (regionCode != null) {
            sql.append(" and region_code = ?");
            params.add(regionCode);
        }
        if (role != null) {
            sql.append(" and role = ?");
            params.add(role.name());
        }
        return jdbc.sql(sql.append(" order by username").toString()).params(params).query(this::view).list();
    }

    @Override
    public UserView get(String username) {
        return jdbc.sql("select username, display_name, role, region_code, enabled, created_at from app_user"
                        + " where username = ?")
                .param(username).query(this::view).optional()
                .orElseThrow(() -> ApiException.notFound("There is no user " + username + "."));
    }

    @Override
    public UserView create(NewUser user, String actor) {
        return create(user, actor, Action.CREATE);
    }

    /** Creates a user and audits it as {@code action} (CREATE, or BOOTSTRAP for the first administrator). */
    UserView create(NewUser user, String actor, Action action) {
        List<FieldProblem> errors = UserRules.check(user, regions, true, "");
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Some fields are not valid.", errors);
        }
        String username = user.username().trim();
        if (exists(username)) {
            throw taken(username);
        }
        String hash = passwordEncoder.encode(user.password());
        try {
            tx.executeWithoutResult(s -> {
                insert(user, hash);
                audit(actor, action, username, describe(user));
            });
        } catch (DuplicateKeyException e) {
            throw taken(username);
        }
        log.info("User account created ({}, role {}); see user_audit", action, UserRules.role(user.role()));
        return get(username);
    }

    @Override
    public UserView setEnabled(String username, boolean enabled, String actor) {
        if (!enabled && username.equals(actor)) {
            throw ApiException.conflict("You cannot disable your own account; ask another administrator.");
        }
        UserView before = get(username);
        if (before.enabled() == enabled) {
            return before;
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update();
            if (enabled) {
                audit(actor, Action.ENABLE, username, null);
            } else {
                audit(actor, Action.DISABLE, username, "tokens revoked: " + revokeLiveTokens(username));
            }
        });
        log.info("User account {}; see user_audit", enabled ? "enabled" : "disabled");
        return get(username);
    }

    @Override
    public void resetPassword(String username, String password, String actor) {
        get(username);
        UserRules.password(username, password).ifPresent(m -> {
            throw ApiException.badRequest("password", m);
        });
        String hash = passwordEncoder.encode(password);
        tx.executeWithoutResult(s -> {
            jdbc.sql("update app_user set password_hash = ? where username = ?").params(hash, username).update();
            audit(actor, Action.RESET_PASSWORD, username, "tokens revoked: " + revokeLiveTokens(username));
        });
        log.info("A user's password was reset; see user_audit");
    }

    @Override
    public int revokeTokens(String username, String actor) {
        get(username);
        Integer revoked = tx.execute(s -> {
            int n = revokeLiveTokens(username);
            audit(actor, Action.REVOKE_TOKENS, username, "tokens revoked: " + n);
            return n;
        });
        log.info("{} token(s) of a user revoked; see user_audit", revoked);
        return revoked;
    }

    @Override
    public ImportResult importCsv(String csv, String actor) {
        List<NewUser> rows = readCsv(csv);
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String prefix = "row " + (i + 1) + ": ";
            NewUser u = rows.get(i);
            errors.addAll(UserRules.check(u, regions, false, prefix));
            if (UserRules.role(u.role()) == Role.APPLICANT) {
                errors.add(new FieldProblem(prefix + "role", "The import is for officials, supervisors and"
                        + " administrators; create applicants one by one."));
            }
            String username = u.username() == null ? "" : u.username().trim();
            if (UserRules.USERNAME.matcher(username).matches()) {
                Integer first = rowOf.putIfAbsent(username, i + 1);
                if (first != null) {
                    errors.add(new FieldProblem(prefix + "username", username + " is already on row " + first
                            + "; each user once."));
                } else if (exists(username)) {
                    errors.add(new FieldProblem(prefix + "username", username + " already exists; leave the row"
                            + " out or choose another username."));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Nothing was imported: " + errors.size() + " problem(s) in the file.",
                    errors);
        }
        List<ImportedUser> created = rows.parallelStream()
                .map(u -> new ImportedUser(u.username().trim(), initialPassword(u.username().trim())))
                .toList();
        List<String> hashes = created.parallelStream().map(c -> passwordEncoder.encode(c.initialPassword()))
                .toList();
        try {
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < rows.size(); i++) {
                    insert(rows.get(i), hashes.get(i));
                    audit(actor, Action.IMPORT, created.get(i).username(), describe(rows.get(i)));
                }
            });
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("A user of the file was created meanwhile by someone else. Nothing was"
                    + " imported; import the file again.");
        }
        log.info("{} user account(s) imported; see user_audit", created.size());
        return new ImportResult(created.size(), created);
    }

    @Override
    public List<AuditEntry> audit(String target, int limit) {
        String where = target == null ? "" : " where target = ?";
        List<Object> params = target == null ? List.of() : List.of(target);
        return jdbc.sql("select occurred_at, actor, action, target, details from user_audit" + where
                        + " order by occurred_at desc, id desc fetch first " + Math.max(1, limit) + " rows only")
                .params(params)
                .query((rs, n) -> new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        Action.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Whether any administrator account exists, enabled or not. */
    boolean anyAdmin() {
        return jdbc.sql("select count(*) from app_user where role = ?").param(Role.ADMIN.name())
                .query(Long.class).single() > 0;
    }

    // ---- helpers ----

    static List<NewUser> readCsv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(body)) {
            while (it.hasNext()) {
                String[] line = it.next();
                if (!(line.length == 0 || line.length == 1 && line[0].isBlank())) {
                    lines.add(line);
                }
            }
        } catch (JacksonException e) {
            throw ApiException.badRequest("file", "The file is not valid CSV: " + e.getOriginalMessage());
        }
        if (lines.isEmpty() || !header(lines.getFirst())) {
            throw ApiException.badRequest("header", "The first line must be the header "
                    + String.join(",", CSV_HEADER) + ".");
        }
        if (lines.size() == 1) {
            throw ApiException.badRequest("file", "The file has a header but no users.");
        }
        if (lines.size() - 1 > MAX_IMPORT_ROWS) {
            throw ApiException.badRequest("file", "The file has " + (lines.size() - 1) + " users; import at most "
                    + MAX_IMPORT_ROWS + " at a time.");
        }
        List<NewUser> rows = new ArrayList<>();
        List<FieldProblem> errors = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i);
            if (f.length != CSV_HEADER.size()) {
                errors.add(new FieldProblem("row " + i, "Expected 4 columns (" + String.join(",", CSV_HEADER)
                        + "), found " + f.length + "; quote a name that contains a comma."));
            } else {
                rows.add(new NewUser(f[0], f[1], f[2], f[3], null));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Nothing was imported: some rows do not have 4 columns.", errors);
        }
        return rows;
    }

    private static boolean header(String[] line) {
        if (line.length != CSV_HEADER.size()) {
            return false;
        }
        for (int i = 0; i < line.length; i++) {
            if (!CSV_HEADER.get(i).equalsIgnoreCase(line[i].trim())) {
                return false;
            }
        }
        return true;
    }

    /** A random password that satisfies the policy for {@code username}. */
    static String initialPassword(String username) {
        while (true) {
            StringBuilder p = new StringBuilder(INITIAL_PASSWORD_LENGTH);
            for (int i = 0; i < INITIAL_PASSWORD_LENGTH; i++) {
                p.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (UserRules.password(username, p.toString()).isEmpty()) {
                return p.toString();
            }
        }
    }

    private boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    private static ApiException taken(String username) {
        return ApiException.conflict("The username " + username + " is taken; choose another one.");
    }

    private void insert(NewUser u, String hash) {
        Role role = UserRules.role(u.role());
        String region = role == Role.APPLICANT ? null : u.regionCode().trim();
        jdbc.sql("""
                insert into app_user (username, display_name, role, region_code, password_hash, enabled, demo,
                                      created_at)
                values (?, ?, ?, ?, ?, true, false, ?)""")
                .params(u.username().trim(), u.displayName().trim(), role.name(), region, hash, now())
                .update();
    }

    private int revokeLiveTokens(String username) {
        OffsetDateTime now = now();
        return jdbc.sql("update api_token set revoked_at = ? where username = ? and revoked_at is null"
                        + " and expires_at > ?")
                .params(now, username, now).update();
    }

    private void audit(String actor, Action action, String target, String details) {
        jdbc.sql("insert into user_audit (occurred_at, actor, action, target, details) values (?, ?, ?, ?, ?)")
                .params(now(), actor, action.name(), target, details).update();
    }

    /** Role and region only: no names in the audit trail. */
    private static String describe(NewUser u) {
        Role role = UserRules.role(u.role());
        return "role=" + role.name() + (role == Role.APPLICANT ? "" : " region=" + u.regionCode().trim());
    }

    private UserView view(ResultSet rs, int n) throws SQLException {
        String regionCode = rs.getString("region_code");
        Level level = regionCode == null ? null : regions.find(regionCode).map(Region::level).orElse(null);
        return new UserView(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                regionCode, level, rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class)
                        .toInstant());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ClockConfig.CHINA);
    }
}
