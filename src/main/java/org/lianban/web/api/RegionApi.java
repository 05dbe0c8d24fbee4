package org.lianban.web.api;

import java.util.List;

import org.lianban.common.ApiException;
import org.lianban.common.Level;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The region tree, one level at a time (API.md: {@code GET /regions?parent=}). Public. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApi {

    record RegionView(String code, String name, Level level) {
        static RegionView of(Region r) {
            return new RegionView(r.code(), r.name(), r.level());
        }
    }

    private final Regions regions;

    RegionApi(Regions regions) {
        this.regions = regions;
    }

    /** Children of {@code parent} ordered by code; without {@code parent}, the province alone. */
    @GetMapping
    List<RegionView> children(@RequestParam(required = false) String parent) {
        if (parent == null) {
            return List.of(RegionView.of(regions.province()));
        }
        if (!parent.matches("\\d{6}")) {
            throw ApiException.badRequest("parent", "parent must be a 6-digit region code, e.g. 140000.");
        }
        regions.require(parent);
        return regions.children(parent).stream().map(RegionView::of).toList();
    }
}
