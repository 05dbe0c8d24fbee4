package org.lianban.catalog;

import java.util.List;
import java.util.Optional;

/** The matter catalog, owned by the province (同一事项全省无差别办理). Read side. */
public interface Catalog {

    /** The current version of every matter, ordered by code. */
    List<MatterVersion> current();

    Optional<MatterVersion> current(String code);

    /** A specific published version (by its id), e.g. the one a case was filed under. */
    MatterVersion version(long id);

    /** All versions of a matter, oldest first. */
    List<MatterVersion> versions(String code);
}
