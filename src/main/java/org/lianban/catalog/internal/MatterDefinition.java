package org.lianban.catalog.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import org.lianban.catalog.FormField;
import org.lianban.catalog.Material;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.Step;
import org.lianban.common.Level;

/**
 * The canonical content of one matter as imported: what a published version stores as JSON and hashes. Equal
 * definitions (from YAML, JSON or Excel alike) give equal hashes, so re-importing a file changes nothing.
 */
public record MatterDefinition(String code, String name, String category, Level decidingLevel, String department,
        String legalBasis, int statutoryDays, int promisedDays, boolean promisedDaysIsDemo, String fees,
        List<Level> filingLevels, List<Material> materials, List<FormField> fields, List<Step> steps, String notes) {

    /** Versions are cached and shared: keep them immutable. */
    public MatterDefinition {
        filingLevels = List.copyOf(filingLevels);
        materials = List.copyOf(materials);
        fields = List.copyOf(fields);
        steps = List.copyOf(steps);
    }

    MatterVersion toVersion(long id, int version, Instant publishedAt) {
        return new MatterVersion(id, code, version, name, category, decidingLevel, department, legalBasis,
                statutoryDays, promisedDays, promisedDaysIsDemo, fees,
                Collections.unmodifiableSet(filingLevels.isEmpty() ? EnumSet.noneOf(Level.class)
                        : EnumSet.copyOf(filingLevels)), materials,
                fields, steps, publishedAt);
    }
}
