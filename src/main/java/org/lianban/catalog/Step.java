package org.lianban.catalog;

import java.util.List;

import org.lianban.common.Level;
import org.lianban.common.Role;

/**
 * One step of a matter's flow. It is handled by the filing region's ancestor at {@link #level()} by an official with
 * {@link #role()}; a {@link StepKind#JOINT_REVIEW} step is handled by each of its {@link #parties()} instead.
 */
public record Step(String code, String name, StepKind kind, Level level, Role role, int limitDays,
        List<Party> parties) {

    public Step {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
