package org.lianban.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.lianban.ScratchDatabase;
import org.lianban.ScratchDatabase.Kind;
import org.springframework.core.io.ClassPathResource;

/** Loading the region tree into an empty database: once, also when two nodes start together. */
class RegionFirstStartTest {

    private static long shippedRegions() throws Exception {
        try (InputStream in = new ClassPathResource(RegionConfig.FILE).getInputStream()) {
            return RegionCsv.read(in, RegionConfig.FILE).size();
        }
    }

    private static boolean load(ScratchDatabase db) {
        return RegionConfig.loadShippedFileIfEmpty(db.jdbc(), db.tx(), db.tableLock());
    }

    private static void secondLoadIsANoOp(Kind kind) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.of(kind)) {
            assertThat(load(db)).isTrue();
            assertThat(db.count("region")).isEqualTo(shippedRegions());
            assertThat(load(db)).isFalse();
            assertThat(db.count("region")).isEqualTo(shippedRegions());
        }
    }

    @Test
    void aSecondLoadOnAFilledTableChangesNothingOnH2() throws Exception {
        secondLoadIsANoOp(Kind.H2);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+")
    void aSecondLoadOnAFilledTableChangesNothingOnPostgreSQL() throws Exception {
        secondLoadIsANoOp(Kind.POSTGRESQL);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "LIANBAN_TEST_PG_URL", matches = ".+")
    void twoNodesStartingTogetherLoadTheRegionsOnce() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.of(Kind.POSTGRESQL)) {
            boolean secondLoaded = db.raceTwoNodes("region", () -> load(db), () -> load(db));
            assertThat(secondLoaded).isFalse();
            assertThat(db.count("region")).isEqualTo(shippedRegions());
        }
    }
}
