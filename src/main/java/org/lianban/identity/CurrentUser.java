package org.lianban.identity;

import org.lianban.common.Level;
import org.lianban.common.Role;

/**
 * The signed-in user as every module sees it. Officials, supervisors and the administrator belong to one region (and
 * so one level); applicants have neither. A controller parameter of this type is resolved from the security context.
 */
public record CurrentUser(String username, String displayName, Role role, String regionCode, Level level) {

    public boolean is(Role r) {
        return role == r;
    }
}
