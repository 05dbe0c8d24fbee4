package org.lianban.cases.flow;

import org.lianban.common.Role;

/** Who acts on a case: a signed-in user, or the platform itself ({@link #SYSTEM}) for automatic transitions. */
public record Actor(String username, Role role, String regionCode) {

    /** The platform applying a rule of law by itself (e.g. Art. 32 acceptance by silence). */
    public static final Actor SYSTEM = new Actor("system", null, null);
}
