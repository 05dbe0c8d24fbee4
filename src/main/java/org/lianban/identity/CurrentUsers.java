package org.lianban.identity;

import java.util.Optional;

import org.lianban.common.ApiException;
import org.lianban.identity.internal.AppUserDetails;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of the current request, for code that cannot take a {@link CurrentUser} controller parameter
 * (page templates' model advice, services called from pages).
 */
@Component
public class CurrentUsers {

    private final Users users;

    public CurrentUsers(Users users) {
        this.users = users;
    }

    /** The signed-in user, or empty when anonymous. */
    public Optional<CurrentUser> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (a.getPrincipal() instanceof AppUserDetails d) {
            return Optional.of(d.toCurrentUser());
        }
        // authenticated some other way (e.g. a test's mock user): trust the name, take the rest from the store
        return users.find(a.getName());
    }

    /** The signed-in user, or a 401 problem. */
    public CurrentUser require() {
        return current().orElseThrow(() -> ApiException.unauthorized("Sign in first."));
    }
}
