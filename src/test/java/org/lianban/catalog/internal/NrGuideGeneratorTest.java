package org.lianban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianban.catalog.Step;
import org.lianban.catalog.StepKind;
import org.lianban.common.Level;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The bundled demo catalog is what the generator makes of nr-matters.csv, and it follows the three-level rules. */
class NrGuideGeneratorTest {

    private static List<MatterDefinition> bundled() throws IOException {
        byte[] bytes = Files.readAllBytes(NrGuideGenerator.OUTPUT);
        GuideValidator.Outcome o = GuideValidator.validate(GuideFileReader.read("nr-guide-2020.yaml", bytes));
        assertThat(o.problems()).isEmpty();
        return o.matters();
    }

    private static List<Map<String, String>> csv() throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = NrGuideGeneratorTest.class.getResourceAsStream("/catalog/nr-matters.csv");
                MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void theCommittedCatalogIsUpToDateWithTheCsv() throws IOException {
        assertThat(Files.readString(NrGuideGenerator.OUTPUT, StandardCharsets.UTF_8))
                .as("run NrGuideGenerator.main and commit the result")
                .isEqualTo(NrGuideGenerator.generate());
    }

    @Test
    void everyCsvMatterIsPublishedOncePerShanxiDecidingLevel() throws IOException {
        List<String> codes = bundled().stream().map(MatterDefinition::code).toList();
        List<String> expected = new ArrayList<>();
        for (Map<String, String> row : csv()) {
            List<String> levels = NrGuideGenerator.shanxiLevels(row.get("decision_level"));
            if (levels.size() > 1) {
                levels.forEach(l -> expected.add(row.get("code") + "-" + switch (l) {
                    case "province" -> "P";
                    case "city" -> "C";
                    default -> "X";
                }));
            } else {
                expected.add(row.get("code"));
            }
        }
        assertThat(codes).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(codes).contains("NR-LAND-01-P", "NR-LAND-01-C", "NR-LAND-01-X", "NR-MIN-06-P", "NR-GEO-01");
        assertThat(codes).doesNotContain("NR-LAND-02-N", "NR-LAND-02");
    }

    @Test
    void flowsClimbFromTheCountyToTheDecidingLevelAndBack() throws IOException {
        for (MatterDefinition m : bundled()) {
            List<Level> levels = m.steps().stream().map(Step::level).toList();
            assertThat(m.steps().getFirst().level()).isEqualTo(Level.COUNTY);
            assertThat(m.steps().getLast().level()).isEqualTo(Level.COUNTY);
            switch (m.decidingLevel()) {
                case COUNTY -> assertThat(levels).doesNotContain(Level.CITY, Level.PROVINCE);
                case CITY -> assertThat(levels).contains(Level.CITY).doesNotContain(Level.PROVINCE);
                case PROVINCE -> assertThat(levels).contains(Level.CITY, Level.PROVINCE);
            }
            assertThat(m.promisedDaysIsDemo()).isTrue();
            assertThat(m.steps().stream().mapToInt(Step::limitDays).sum()).isLessThanOrEqualTo(m.promisedDays());
        }
    }

    @Test
    void theProvincialMiningRightHasACityAndCountyJointReview() throws IOException {
        MatterDefinition min06 = bundled().stream().filter(m -> m.code().equals("NR-MIN-06-P")).findFirst()
                .orElseThrow();
        Step joint = min06.steps().stream().filter(s -> s.kind() == StepKind.JOINT_REVIEW).findFirst()
                .orElseThrow();
        assertThat(joint.parties()).extracting(p -> p.level()).containsExactly(Level.COUNTY, Level.CITY);
    }

    @Test
    void missingStatutoryDaysDefaultTo20AndAssumptionsAreNoted() throws IOException {
        MatterDefinition land04 = bundled().stream().filter(m -> m.code().equals("NR-LAND-04-X")).findFirst()
                .orElseThrow();
        assertThat(land04.statutoryDays()).isEqualTo(20);
        assertThat(land04.notes()).contains("第42条");
        MatterDefinition land06 = bundled().stream().filter(m -> m.code().equals("NR-LAND-06")).findFirst()
                .orElseThrow();
        assertThat(land06.decidingLevel()).isEqualTo(Level.COUNTY);
        assertThat(land06.notes()).contains("演示假设");
        assertThat(land06.materials()).isNotEmpty();
    }
}
