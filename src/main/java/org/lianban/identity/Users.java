package org.lianban.identity;

import java.util.List;
import java.util.Optional;

import org.lianban.common.Role;

/** Read access to the platform's users for other modules (e.g. notify's in-app notices). */
public interface Users {

    /** An enabled user by name. */
    Optional<CurrentUser> find(String username);

    /** The enabled officials (or supervisors) of exactly {@code regionCode} having {@code role}, ordered by username. */
    List<CurrentUser> officials(String regionCode, Role role);
}
