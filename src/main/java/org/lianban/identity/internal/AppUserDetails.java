package org.lianban.identity.internal;

import java.util.Collection;
import java.util.List;

import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: a user row with authority {@code ROLE_<ROLE>}. Serializable for the page session. */
public final class AppUserDetails implements UserDetails, CredentialsContainer {

    private final String username;
    private final String displayName;
    private final Role role;
    private final String regionCode;
    private final Level level;
    private final boolean enabled;
    private String passwordHash;

    AppUserDetails(CurrentUser user, String passwordHash, boolean enabled) {
        this.username = user.username();
        this.displayName = user.displayName();
        this.role = user.role();
        this.regionCode = user.regionCode();
        this.level = user.level();
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(username, displayName, role, regionCode, level);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return username; }

    @Override
    public boolean isEnabled() { return enabled; }

    @Override
    public void eraseCredentials() { passwordHash = null; }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppUserDetails other && username.equals(other.username);
    }

    @Override
    public int hashCode() { return username.hashCode(); }

    @Override
    public String toString() { return "AppUserDetails[" + username + ", " + role + "]"; }
}
