package org.lianban.catalog;

import org.lianban.common.Level;
import org.lianban.common.Role;

/** One party of a parallel joint review (并联会审), e.g. the county and the city reviewer at once. */
public record Party(String code, String name, Level level, Role role) {}
