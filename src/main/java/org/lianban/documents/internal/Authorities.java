package org.lianban.documents.internal;

import org.lianban.common.Level;
import org.lianban.region.Region;

/**
 * The natural-resources authority of a region, as printed on documents: the province's department (厅) and the
 * bureaus (局) of cities and counties — 山西省自然资源厅, 太原市自然资源局, 小店区自然资源局. A simplification:
 * some cities name theirs 自然资源和规划局; one rule keeps every document consistent.
 */
final class Authorities {

    private Authorities() {}

    static DocumentRequest.Authority of(Region region) {
        String suffix = region.level() == Level.PROVINCE ? "自然资源厅" : "自然资源局";
        return new DocumentRequest.Authority(region.code(), region.name() + suffix);
    }
}
