package org.lianban.web.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import org.lianban.common.ApiException;
import org.lianban.common.Role;
import org.lianban.identity.UserAdmin;
import org.lianban.identity.UserAdmin.AuditEntry;
import org.lianban.identity.UserAdmin.ImportResult;
import org.lianban.identity.UserAdmin.NewUser;
import org.lianban.identity.UserAdmin.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * User administration (用户管理) under {@code /api/v1/admin/users}; ADMIN only by the security configuration. The
 * acting administrator is the signed-in user and is written to the audit trail.
 */
@RestController
class UserAdminApi {

    static final int MAX_AUDIT = 500;

    record PasswordRequest(String password) {}

    record RevokedView(int revoked) {}

    private final UserAdmin users;

    UserAdminApi(UserAdmin users) {
        this.users = users;
    }

    @GetMapping("/api/v1/admin/users")
    List<UserView> list(@RequestParam(required = false) String region, @RequestParam(required = false) String role) {
        Role r = null;
        if (role != null && !role.isBlank()) {
            r = Arrays.stream(Role.values()).filter(x -> x.name().equalsIgnoreCase(role.trim())).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("role", "role '" + role + "' is not one of "
                            + Arrays.toString(Role.values()) + "."));
        }
        return users.list(region == null || region.isBlank() ? null : region.trim(), r);
    }

    @GetMapping("/api/v1/admin/users/{username}")
    UserView get(@PathVariable String username) {
        return users.get(username);
    }

    @PostMapping("/api/v1/admin/users")
    ResponseEntity<UserView> create(@RequestBody NewUser body, Principal principal) {
        UserView created = users.create(body, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.username())).body(created);
    }

    @PostMapping("/api/v1/admin/users/{username}/disable")
    UserView disable(@PathVariable String username, Principal principal) {
        return users.setEnabled(username, false, principal.getName());
    }

    @PostMapping("/api/v1/admin/users/{username}/enable")
    UserView enable(@PathVariable String username, Principal principal) {
        return users.setEnabled(username, true, principal.getName());
    }

    @PostMapping("/api/v1/admin/users/{username}/password")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody PasswordRequest body,
            Principal principal) {
        users.resetPassword(username, body.password(), principal.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/admin/users/{username}/revoke-tokens")
    RevokedView revokeTokens(@PathVariable String username, Principal principal) {
        return new RevokedView(users.revokeTokens(username, principal.getName()));
    }

    /** CSV as the request body ({@code text/csv}); the initial passwords are in this response only. */
    @PostMapping(path = "/api/v1/admin/users/import", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCsv(@RequestBody byte[] body, Principal principal) {
        return users.importCsv(new String(body, StandardCharsets.UTF_8), principal.getName());
    }

    /** The same as a multipart upload (form field {@code file}). */
    @PostMapping(path = "/api/v1/admin/users/import", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importFile(@RequestParam("file") MultipartFile file, Principal principal) throws IOException {
        return users.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), principal.getName());
    }

    /** The audit trail of user administration, newest first; of one user with {@code ?username=}. */
    @GetMapping("/api/v1/admin/user-audit")
    List<AuditEntry> audit(@RequestParam(required = false) String username,
            @RequestParam(required = false, defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_AUDIT) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_AUDIT + ".");
        }
        return users.audit(username == null || username.isBlank() ? null : username.trim(), limit);
    }
}
