package org.lianban.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lianban.common.Level;

/**
 * A published, immutable version of a matter (事项) and its service guide (办事指南). A case keeps the version it was
 * filed under, whatever the catalog publishes later.
 *
 * @param promisedDaysIsDemo true where the promised limit (承诺时限) is a demo value, not from an official guide
 * @param filingLevels levels at which a case may be filed (usually only COUNTY: everything local for the applicant)
 */
public record MatterVersion(long id, String code, int version, String name, String category, Level decidingLevel,
        String department, String legalBasis, int statutoryDays, int promisedDays, boolean promisedDaysIsDemo,
        String fees, Set<Level> filingLevels, List<Material> materials, List<FormField> fields, List<Step> steps,
        Instant publishedAt) {

    public Optional<Step> step(String stepCode) {
        return steps.stream().filter(s -> s.code().equals(stepCode)).findFirst();
    }

    public Optional<Material> material(String materialCode) {
        return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }
}
