package org.lianban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.lianban.common.ApiException.FieldProblem;

import tools.jackson.databind.json.JsonMapper;

/** The shipped YAML, JSON and Excel examples describe exactly the same matters. */
class GuideExamplesTest {

    private static String canonical(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(GuideExampleWriter.DIR.resolve(file));
        GuideValidator.Outcome o = GuideValidator.validate(GuideFileReader.read(file, bytes));
        assertThat(o.problems()).as(file).isEmpty();
        return JsonMapper.builder().build().writeValueAsString(o.matters());
    }

    @Test
    void yamlJsonAndExcelExamplesGiveIdenticalDefinitions() throws IOException {
        String yaml = canonical("guide-example.yaml");
        assertThat(yaml).contains("EXAMPLE-02", "JOINT_REVIEW");
        assertThat(canonical("guide-example.json")).isEqualTo(yaml);
        assertThat(canonical("guide-example.xlsx")).isEqualTo(yaml);
    }

    @Test
    void excelProblemsNameTheSheetAndCell() throws IOException {
        byte[] bytes = Files.readAllBytes(GuideExampleWriter.DIR.resolve("guide-example.xlsx"));
        try (var wb = WorkbookFactory.create(new ByteArrayInputStream(bytes)); var out = new ByteArrayOutputStream()) {
            Sheet steps = wb.getSheet("Steps");
            int levelColumn = -1;
            for (Cell c : steps.getRow(0)) {
                if (c.getStringCellValue().equals("level")) {
                    levelColumn = c.getColumnIndex();
                }
            }
            steps.getRow(2).getCell(levelColumn).setCellValue("TOWN");
            wb.getSheet("Materials").getRow(1).getCell(0).setCellValue("NO-SUCH");
            wb.write(out);
            GuideValidator.Outcome o = GuideValidator.validate(GuideFileReader.read("x.xlsx", out.toByteArray()));
            String cell = "Steps!" + new CellReference(2, levelColumn).formatAsString(false);
            assertThat(o.problems()).extracting(FieldProblem::field).contains(cell, "Materials!A2");
            assertThat(o.matters()).isEmpty();
        }
    }
}
