package org.lianban.region.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.lianban.common.ApiException;
import org.lianban.common.Level;
import org.lianban.region.Region;
import org.lianban.region.Regions;

/** The whole region tree in memory, immutable once built: every lookup is a hash-map access. */
final class RegionTree implements Regions {

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> childrenByParent;
    private final List<Region> all;
    private final Region province;

    /** @param regions a valid tree (see {@link RegionCsv}): one province, every other region's parent present */
    public RegionTree(List<Region> regions) {
        List<Region> sorted = regions.stream().sorted(Comparator.comparing(Region::code)).toList();
        Map<String, Region> codes = new HashMap<>();
        Map<String, List<Region>> children = new HashMap<>();
        Region root = null;
        for (Region r : sorted) {
            codes.put(r.code(), r);
            if (r.parentCode() == null) {
                root = r;
            } else {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        this.province = Objects.requireNonNull(root, "the region tree has no province");
        this.byCode = Map.copyOf(codes);
        Map<String, List<Region>> frozen = new HashMap<>();
        children.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.childrenByParent = Map.copyOf(frozen);
        this.all = sorted;
    }

    @Override
    public Optional<Region> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    @Override
    public Region require(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("There is no region with code " + code + "."));
    }

    @Override
    public List<Region> children(String parentCode) {
        return parentCode == null ? List.of() : childrenByParent.getOrDefault(parentCode, Collections.emptyList());
    }

    @Override
    public Region province() {
        return province;
    }

    @Override
    public List<Region> all() {
        return all;
    }

    @Override
    public Optional<Region> ancestorAt(String code, Level level) {
        Region r = find(code).orElse(null);
        while (r != null && r.level().ordinal() > level.ordinal()) {
            r = byCode.get(r.parentCode());
        }
        return r != null && r.level() == level ? Optional.of(r) : Optional.empty();
    }

    @Override
    public boolean isWithin(String code, String ancestorCode) {
        Region r = find(code).orElse(null);
        while (r != null) {
            if (r.code().equals(ancestorCode)) {
                return true;
            }
            r = r.parentCode() == null ? null : byCode.get(r.parentCode());
        }
        return false;
    }
}
