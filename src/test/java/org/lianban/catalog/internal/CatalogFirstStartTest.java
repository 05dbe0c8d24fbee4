package org.lianban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.lianban.ScratchDatabase;
import org.lianban.ScratchDatabase.Kind;
import org.lianban.common.ClockConfig;
import org.springframework.util.unit.DataSize;

/** Importing the bundled catalog into an empty database: once, also when two nodes start together. */
class CatalogFirstStartTest {

    private static DemoCatalogLoader node(ScratchDatabase db) {
        var catalog = new CatalogService(new CatalogRepository(db.jdbc()), Clock.system(ClockConfig.CHINA),
                DataSize.ofMegabytes(5));
        return new DemoCatalogLoader(catalog, db.tx(), db.tableLock());
    }

    private static void secondLoadIsANoOp(Kind kind) {
        try (ScratchDatabase db = ScratchDatabase.of(kind)) {
            assertThat(node(db).loadIfEmpty()).isTrue();
            long matters = db.count("matter");
            long versions = db.count("matter_version");
            assertThat(matters).isPositive();
            assertThat(node(db).loadIfEmpty()).isFalse();
            assertThat(db.count("matter")).isEqualTo(matters);
            assertThat(db.count("matter_version")).isEqualTo(versions);
        }
    }

    @Test
    void aSecondLoadOnAFilledCatalogChangesNothingOnH2() {
        secondLoadIsANoOp(Kind.H2);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+")
    void aSecondLoadOnAFilledCatalogChangesNothingOnPostgreSQL() {
        secondLoadIsANoOp(Kind.POSTGRESQL);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+")
    void twoNodesStartingTogetherImportTheCatalogOnce() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.of(Kind.POSTGRESQL)) {
            boolean secondLoaded = db.raceTwoNodes("matter", () -> node(db).loadIfEmpty(),
                    () -> node(db).loadIfEmpty());
            assertThat(secondLoaded).isFalse();
            assertThat(db.count("matter_version")).isEqualTo(db.count("matter"));
        }
    }
}
