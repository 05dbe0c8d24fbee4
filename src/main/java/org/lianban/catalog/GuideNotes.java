package org.lianban.catalog;

import java.util.Optional;

/**
 * Free-text notes published with a matter version, e.g. where the demo catalog had to assume a value the sources do
 * not give (演示假设). Kept apart from {@link MatterVersion} so that record stays as other modules know it.
 */
public interface GuideNotes {

    Optional<String> notes(long versionId);
}
