package org.lianban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The catalog API and import on a real database; run on H2 and PostgreSQL by the subclasses. */
abstract class CatalogApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    private static String unique() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String guide(String code, int promisedDays, String extra) {
        return """
                matters:
                - code: %s
                  name: 测试事项 %s
                  category: land
                  decidingLevel: CITY
                  statutoryDays: 20
                  promisedDays: %d
                  materials:
                  - {code: M01, name: 申请书, form: ORIGINAL}
                  fields:
                  - {code: projectName, name: 项目名称, type: TEXT, required: true}
                  steps:
                  - {code: accept, name: 受理, kind: ACCEPT, level: COUNTY, role: CLERK, limitDays: 1}
                  - {code: cr, name: 县级初审, kind: REVIEW, level: COUNTY, role: REVIEWER, limitDays: 2}
                  - {code: ci, name: 市级审查, kind: REVIEW, level: CITY, role: REVIEWER, limitDays: 2}
                  - {code: decide, name: 决定, kind: DECIDE, level: CITY, role: APPROVER, limitDays: 1}
                  - {code: issue, name: 发证, kind: ISSUE, level: COUNTY, role: CLERK, limitDays: 1}
                %s""".formatted(code, code, promisedDays, extra);
    }

    private ResultActions upload(String filename, byte[] bytes, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/admin/guides/import")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
                .param("dryRun", String.valueOf(dryRun)));
    }

    private ResultActions upload(String yaml) throws Exception {
        return upload("guide.yaml", yaml.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void theDemoCatalogListsEveryMatterPerDecidingLevel() throws Exception {
        mvc.perform(get("/api/v1/matters"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItems("NR-LAND-01-P", "NR-LAND-01-C", "NR-LAND-01-X",
                        "NR-MIN-06-P", "NR-GEO-01", "NR-OCN-01", "NR-OTH-02")));
        mvc.perform(get("/api/v1/matters").param("category", "geohazard"))
                .andExpect(jsonPath("$", hasSize(3)));
        mvc.perform(get("/api/v1/matters").param("q", "采矿权新立"))
                .andExpect(jsonPath("$[*].code", hasItems("NR-MIN-06-P", "NR-MIN-06-C", "NR-MIN-06-X")));
    }

    @Test
    void theServiceGuideShowsMaterialsFieldsAndTheFlow() throws Exception {
        mvc.perform(get("/api/v1/matters/NR-MIN-06-P"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decidingLevel").value("PROVINCE"))
                .andExpect(jsonPath("$.statutoryDays").value(40))
                .andExpect(jsonPath("$.promisedDaysIsDemo").value(true))
                .andExpect(jsonPath("$.materials[0].code").value("M01"))
                .andExpect(jsonPath("$.materials[0].form").value("ORIGINAL"))
                .andExpect(jsonPath("$.fields[0].type").value("TEXT"))
                .andExpect(jsonPath("$.steps[0].kind").value("ACCEPT"))
                .andExpect(jsonPath("$.steps[1].kind").value("JOINT_REVIEW"))
                .andExpect(jsonPath("$.steps[1].parties", hasSize(2)))
                .andExpect(jsonPath("$.version").isNumber())
                .andExpect(jsonPath("$.publishedAt").isString())
                .andExpect(jsonPath("$.legalBasis").isString());
    }

    @Test
    void anUnknownMatterIs404() throws Exception {
        mvc.perform(get("/api/v1/matters/NO-SUCH-MATTER")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/matters/NO-SUCH-MATTER/versions")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/matters/NR-GEO-01").param("version", "99")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void importingCreatesThenLeavesUnchangedThenVersions() throws Exception {
        String code = unique();
        upload(guide(code, 10, "")).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1)).andExpect(jsonPath("$.updated").value(0));
        upload(guide(code, 10, "")).andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(1)).andExpect(jsonPath("$.created").value(0));
        upload(guide(code, 12, "")).andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));

        mvc.perform(get("/api/v1/matters/" + code)).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.promisedDays").value(12));
        mvc.perform(get("/api/v1/matters/" + code).param("version", "1"))
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.promisedDays").value(10));
        mvc.perform(get("/api/v1/matters/" + code + "/versions"))
                .andExpect(jsonPath("$[*].version", hasItems(1, 2))).andExpect(jsonPath("$", hasSize(2)));
        MatterVersion first = catalog.versions(code).getFirst();
        assertThat(catalog.version(first.id()).promisedDays()).isEqualTo(10);
        assertThat(catalog.current(code).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aDryRunReportsButStoresNothing() throws Exception {
        String code = unique();
        upload("guide.yaml", guide(code, 10, "").getBytes(StandardCharsets.UTF_8), true)
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        assertThat(catalog.current(code)).isEmpty();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aFileWithAnyErrorChangesNothingAndListsEveryError() throws Exception {
        String good = unique();
        String bad = unique();
        String file = guide(good, 10, "") + guide(bad, 10, "").replace("matters:\n", "")
                .replace("level: CITY, role: REVIEWER", "level: PROVINCE, role: REVIEWER")
                .replace("type: TEXT", "type: EMAIL");
        upload(file).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.errors[*].field", hasItems("matters[1].fields[0].type",
                        "matters[1].steps[2].level")))
                .andExpect(jsonPath("$.errors", hasSize(2)));
        assertThat(catalog.current(good)).isEmpty();
        assertThat(catalog.current(bad)).isEmpty();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void theThreeExampleFilesImportToTheSameVersions() throws Exception {
        upload("guide-example.yaml", example("guide-example.yaml"), false).andExpect(status().isOk());
        int versions = catalog.versions("EXAMPLE-02").size();
        upload("guide-example.json", example("guide-example.json"), false).andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(2)).andExpect(jsonPath("$.updated").value(0));
        upload("guide-example.xlsx", example("guide-example.xlsx"), false).andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(2)).andExpect(jsonPath("$.updated").value(0));
        assertThat(catalog.versions("EXAMPLE-02")).hasSize(versions);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void badFilesGet413415And400() throws Exception {
        upload("big.yaml", new byte[5 * 1024 * 1024 + 1], false).andExpect(status().isContentTooLarge());
        upload("guide.yaml", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0}, false)
                .andExpect(status().isUnsupportedMediaType());
        upload("guide.yaml", "matters: [ {code: x\n".getBytes(StandardCharsets.UTF_8), false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("line")));
    }

    @Test
    @WithMockUser(roles = "CLERK")
    void onlyAnAdminMayImport() throws Exception {
        upload(guide(unique(), 10, "")).andExpect(status().isForbidden());
    }

    private static byte[] example(String name) throws IOException {
        try (InputStream in = new ClassPathResource("catalog/examples/" + name).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
