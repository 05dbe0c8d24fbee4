package org.lianban.identity;

import java.util.List;
import java.util.Optional;

import org.lianban.common.ApiException;
import org.lianban.common.Level;
import org.lianban.region.Region;
import org.lianban.region.Regions;

/** A tiny region tree for unit tests: the province, two cities, three counties. */
public final class FakeRegions implements Regions {

    public static final List<Region> ALL = List.of(
            new Region("140000", "山西省", Level.PROVINCE, null),
            new Region("140100", "太原市", Level.CITY, "140000"),
            new Region("140105", "小店区", Level.COUNTY, "140100"),
            new Region("140106", "迎泽区", Level.COUNTY, "140100"),
            new Region("140200", "大同市", Level.CITY, "140000"),
            new Region("140212", "新荣区", Level.COUNTY, "140200"));

    @Override
    public Optional<Region> find(String code) {
        return ALL.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    @Override
    public Region require(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("No region " + code));
    }

    @Override
    public List<Region> children(String parentCode) {
        return ALL.stream().filter(r -> parentCode.equals(r.parentCode())).toList();
    }

    @Override
    public Region province() {
        return ALL.getFirst();
    }

    @Override
    public List<Region> all() {
        return ALL;
    }

    @Override
    public Optional<Region> ancestorAt(String code, Level level) {
        Optional<Region> r = find(code);
        while (r.isPresent() && r.get().level() != level) {
            r = r.get().parentCode() == null ? Optional.empty() : find(r.get().parentCode());
        }
        return r;
    }

    @Override
    public boolean isWithin(String code, String ancestorCode) {
        Optional<Region> r = find(code);
        while (r.isPresent()) {
            if (r.get().code().equals(ancestorCode)) {
                return true;
            }
            r = r.get().parentCode() == null ? Optional.empty() : find(r.get().parentCode());
        }
        return false;
    }
}
