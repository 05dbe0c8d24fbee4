package org.lianban.region;

import java.util.List;
import java.util.Optional;

import org.lianban.common.Level;

/** The region tree, held in memory (it changes only with a national re-division). */
public interface Regions {

    Optional<Region> find(String code);

    /** The region or 404 problem. */
    Region require(String code);

    /** Children of a region, ordered by code; empty for a county or an unknown code. */
    List<Region> children(String parentCode);

    Region province();

    List<Region> all();

    /** The region itself if it is at {@code level}, else its ancestor at that level; empty if none (e.g. a city's county). */
    Optional<Region> ancestorAt(String code, Level level);

    /** True if {@code code} is {@code ancestorCode} or lies below it. */
    boolean isWithin(String code, String ancestorCode);
}
