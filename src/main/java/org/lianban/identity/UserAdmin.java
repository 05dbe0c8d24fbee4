package org.lianban.identity;

import java.time.Instant;
import java.util.List;

import org.lianban.common.Level;
import org.lianban.common.Role;

/**
 * Administration of user accounts (用户管理) by the platform administrator: officials, supervisors, administrators
 * and applicants. Every change is one transaction that also writes a {@link AuditEntry}; passwords are only ever
 * stored hashed and never written to the audit trail or the log.
 */
public interface UserAdmin {

    /** A user as the administrator sees it (never the password hash). */
    record UserView(String username, String displayName, Role role, String regionCode, Level level, boolean enabled,
            Instant createdAt) {}

    /** A user to create, as entered, not yet validated; {@code role} is a {@link Role} name. */
    record NewUser(String username, String displayName, String role, String regionCode, String password) {}

    /** A user created by a CSV import with its generated initial password, shown this once only. */
    record ImportedUser(String username, String initialPassword) {}

    record ImportResult(int created, List<ImportedUser> users) {}

    /** What an administrator did to an account. */
    enum Action { CREATE, IMPORT, DISABLE, ENABLE, RESET_PASSWORD, REVOKE_TOKENS, BOOTSTRAP }

    record AuditEntry(Instant occurredAt, String actor, Action action, String target, String details) {}

    /** Users, filtered by exact region and/or role when given, ordered by username. */
    List<UserView> list(String regionCode, Role role);

    /** 404 when there is no such user. */
    UserView get(String username);

    /**
     * Creates an enabled user. 400 listing every bad field (username pattern, display name, role, region: known and
     * required for every role but APPLICANT, which has none; password policy); 409 when the username is taken.
     */
    UserView create(NewUser user, String actor);

    /**
     * Disables or enables a user. A disabled user cannot sign in, and disabling revokes all their tokens, so
     * enabling again does not bring old tokens back. An administrator cannot disable their own account (409).
     */
    UserView setEnabled(String username, boolean enabled, String actor);

    /** Sets a new password (same policy as {@link #create}) and revokes all the user's tokens. */
    void resetPassword(String username, String password, String actor);

    /** Revokes every live token of the user; returns how many. */
    int revokeTokens(String username, String actor);

    /**
     * Creates officials from a {@code username,displayName,role,regionCode} CSV text (header required), each with a
     * generated initial password returned once. The whole file is validated first: any bad row (as {@code row 3:
     * role}, rows counted from 1 after the header), a username used twice or already taken, and nothing is stored.
     */
    ImportResult importCsv(String csv, String actor);

    /** The audit trail, newest first; of one user when {@code target} is given. At most {@code limit} entries. */
    List<AuditEntry> audit(String target, int limit);
}
