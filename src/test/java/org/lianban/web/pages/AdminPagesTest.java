package org.lianban.web.pages;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianban.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@H2Test
class AdminPagesTest {

    @Autowired MockMvc mvc;

    static RequestPostProcessor admin() {
        return user("admin@140000").roles("ADMIN");
    }

    static String guide(String code) {
        return """
                matters:
                  - code: %s
                    name: 网页测试事项
                    category: other
                    decidingLevel: COUNTY
                    department: 小店区自然资源局
                    statutoryDays: 20
                    promisedDays: 10
                    filingLevels: [COUNTY]
                    materials:
                      - {code: M1, name: 申请表, required: true, form: ORIGINAL, copies: 1}
                    fields:
                      - {code: projectName, name: 项目名称, type: TEXT, required: true}
                    steps:
                      - {code: accept, name: 受理, kind: ACCEPT, level: COUNTY, role: CLERK, limitDays: 1}
                      - {code: decide, name: 决定, kind: DECIDE, level: COUNTY, role: APPROVER, limitDays: 5}
                      - {code: issue, name: 送达, kind: ISSUE, level: COUNTY, role: CLERK, limitDays: 1}
                """.formatted(code);
    }

    @Test
    void catalogPageListsMattersWithTheirVersions() throws Exception {
        mvc.perform(get("/admin/catalog").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/catalog/NR-LAND-01-P\"")))
                .andExpect(content().string(containsString("第 1 版")));
    }

    @Test
    void matterPageDrawsTheFlowAndListsTheVersions() throws Exception {
        mvc.perform(get("/admin/catalog/NR-LAND-01-P").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"lanes\"")))
                .andExpect(content().string(containsString("全部版本")));
    }

    @Test
    void applicantsCannotOpenAdministratorPages() throws Exception {
        mvc.perform(get("/admin/catalog").with(user("applicant1").roles("APPLICANT")))
                .andExpect(status().isForbidden());
    }

    @Test
    void importShowsEveryProblemOfABadFileAndChangesNothing() throws Exception {
        String code = "WEB-BAD-" + UUID.randomUUID().toString().substring(0, 8);
        String bad = guide(code).replace("kind: ACCEPT", "kind: ACCEPTED").replace("promisedDays: 10", "promisedDays: x");
        mvc.perform(multipart("/admin/import").file(file(bad)).with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未做任何修改")))
                .andExpect(content().string(containsString("promisedDays")))
                .andExpect(content().string(containsString("ACCEPTED")))
                .andExpect(content().string(not(containsString("id=\"confirm-import\""))));
        mvc.perform(get("/admin/catalog/" + code).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void cleanFileIsCheckedFirstAndImportedOnlyWhenConfirmed() throws Exception {
        String code = "WEB-OK-" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(multipart("/admin/import").file(file(guide(code))).session(session).with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"confirm-import\"")));
        mvc.perform(get("/admin/catalog/" + code).with(admin())).andExpect(status().isNotFound());

        mvc.perform(post("/admin/import/confirm").session(session).with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/catalog"))
                .andExpect(flash().attributeExists("imported"));
        mvc.perform(get("/admin/catalog/" + code).with(admin())).andExpect(status().isOk());
    }

    @Test
    void importWithoutAFileAsksForOne() throws Exception {
        mvc.perform(multipart("/admin/import").with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#file\"")))
                .andExpect(content().string(containsString("请选择要导入的办事指南文件")));
    }

    @Test
    void calendarPageShowsCoveredYears() throws Exception {
        mvc.perform(get("/admin/calendar").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026")))
                .andExpect(content().string(containsString("name=\"year\"")));
    }

    @Test
    void calendarUploadWithBadRowsNamesThemAndStoresNothing() throws Exception {
        String csv = "date,kind,name\n2091-01-01,holiday,元旦\n2091-13-40,holiday,坏日期\n";
        mvc.perform(multipart("/admin/calendar").file(csvFile(csv)).param("year", "2091").with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("row")));
        mvc.perform(get("/admin/calendar").param("year", "2091").with(admin()))
                .andExpect(content().string(containsString("该年没有数据")));
    }

    @Test
    void calendarUploadOfAGoodYearIsStored() throws Exception {
        String csv = "date,kind,name\n2092-01-01,holiday,元旦\n";
        mvc.perform(multipart("/admin/calendar").file(csvFile(csv)).param("year", "2092").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attributeExists("stored"));
    }

    @Test
    void calendarUploadWithoutYearOrFileSaysWhatIsMissing() throws Exception {
        mvc.perform(multipart("/admin/calendar").param("year", "").with(admin()).with(csrf()))
                .andExpect(content().string(containsString("href=\"#year\"")))
                .andExpect(content().string(containsString("href=\"#file\"")));
    }

    private static MockMultipartFile file(String yaml) {
        return new MockMultipartFile("file", "guide.yaml", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static MockMultipartFile csvFile(String csv) {
        return new MockMultipartFile("file", "days.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

}
