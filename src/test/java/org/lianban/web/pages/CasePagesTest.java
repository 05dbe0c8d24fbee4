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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lianban.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The applicant's and officials' pages over HTTP: validation, access, uploads, the stale-version message. */
@H2Test
class CasePagesTest {

    static final String MATTER = "NR-LAND-01-P";

    @Autowired MockMvc mvc;

    static RequestPostProcessor applicant() {
        return user("applicant2").roles("APPLICANT");
    }

    static RequestPostProcessor clerk() {
        return user("clerk@140105").roles("CLERK");
    }

    /** A draft of applicant2 at 140105; returns its number. */
    String draft() throws Exception {
        MvcResult r = mvc.perform(post("/matters/" + MATTER + "/apply").with(applicant()).with(csrf())
                        .param("regionCode", "140105").param("applicantName", "山西测试有限公司")
                        .param("idType", "USCC").param("idNumber", "91140105MA0GRX121J").param("phone", "13812341234")
                        .param("field_projectName", "测试项目").param("field_location", "140105")
                        .param("field_area", "2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/my/cases/*"))
                .andReturn();
        return r.getResponse().getRedirectedUrl().substring("/my/cases/".length());
    }

    @Test
    void anonymousVisitorsAreSentToSignInBeforeApplying() throws Exception {
        mvc.perform(get("/matters/" + MATTER + "/apply"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void applyFormListsEveryMissingFieldAtTheTopAndNextToIt() throws Exception {
        mvc.perform(post("/matters/" + MATTER + "/apply").with(applicant()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#regionCode\"")))
                .andExpect(content().string(containsString("href=\"#applicantName\"")))
                .andExpect(content().string(containsString("href=\"#field_projectName\"")))
                .andExpect(content().string(containsString("请填写“项目名称”")))
                .andExpect(content().string(containsString("<title>错误：")));
    }

    @Test
    void applyFormKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/matters/" + MATTER + "/apply").with(applicant()).with(csrf())
                        .param("field_projectName", "保留的项目名称"))
                .andExpect(content().string(containsString("value=\"保留的项目名称\"")));
    }

    @Test
    void aDraftShowsAnUploadForEveryMaterial() throws Exception {
        String number = draft();
        mvc.perform(get("/my/cases/" + number).with(applicant()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-M01\"")))
                .andExpect(content().string(containsString("id=\"file-M07\"")))
                .andExpect(content().string(containsString("id=\"submit-case\"")));
    }

    @Test
    void aFileOfTheWrongTypeIsRejectedWithAMessageSayingWhatToUpload() throws Exception {
        String number = draft();
        MockMultipartFile exe = new MockMultipartFile("file", "virus.pdf", "application/pdf",
                "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
        mvc.perform(multipart("/my/cases/" + number + "/materials/M01").file(exe).with(applicant()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("uploadErrorFor", "M01"))
                .andExpect(flash().attribute("uploadError", containsString("不能上传这种文件")));
    }

    @Test
    void submittingWithoutTheRequiredMaterialsExplainsWhatIsMissing() throws Exception {
        String number = draft();
        mvc.perform(post("/my/cases/" + number + "/submit").with(applicant()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("errors"));
    }

    @Test
    void anotherApplicantCannotSeeTheCase() throws Exception {
        String number = draft();
        mvc.perform(get("/my/cases/" + number).with(user("applicant3").roles("APPLICANT")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("找不到该页面")));
    }

    @Test
    void applicantsCannotOpenTheWorkbench() throws Exception {
        mvc.perform(get("/workbench").with(applicant())).andExpect(status().isForbidden());
    }

    @Test
    void workbenchShowsTheQueueWithFilters() throws Exception {
        mvc.perform(get("/workbench").with(clerk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"matter\"")))
                .andExpect(content().string(containsString("id=\"region\"")));
    }

    @Test
    void progressWithAWrongCodeSaysSoWithoutRevealingTheCase() throws Exception {
        String number = draft();
        mvc.perform(post("/progress").with(csrf()).param("number", number).param("code", "WRONG1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有找到与该办件编号和查询码相符的办件")))
                .andExpect(content().string(not(containsString("山西测试有限公司"))));
        mvc.perform(post("/progress").with(csrf()).param("number", "140105-2099-999999").param("code", "WRONG1"))
                .andExpect(content().string(containsString("没有找到与该办件编号和查询码相符的办件")));
    }

    @Test
    void progressAsksForBothFields() throws Exception {
        mvc.perform(post("/progress").with(csrf()))
                .andExpect(content().string(containsString("href=\"#number\"")))
                .andExpect(content().string(containsString("href=\"#code\"")));
    }

    @Test
    void materialsOpenInlineInAFrameOfOurOwnPages() throws Exception {
        String number = draft();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        mvc.perform(multipart("/my/cases/" + number + "/materials/M01")
                        .file(new MockMultipartFile("file", "map.png", "image/png", png)).with(applicant()).with(csrf()))
                .andExpect(flash().attribute("done", "uploaded"));
        mvc.perform(get("/files/cases/" + number + "/materials/M01").with(applicant()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
    }

    @Test
    void actingOnAnOldVersionSaysSomeoneElseActedFirst() throws Exception {
        String number = draft();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        for (String m : java.util.List.of("M01", "M02", "M03", "M04", "M05", "M06", "M07")) {
            mvc.perform(multipart("/my/cases/" + number + "/materials/" + m)
                    .file(new MockMultipartFile("file", m + ".png", "image/png", png)).with(applicant()).with(csrf()));
        }
        mvc.perform(post("/my/cases/" + number + "/submit").with(applicant()).with(csrf()))
                .andExpect(flash().attribute("done", "submitted"));
        mvc.perform(post("/workbench/cases/" + number + "/actions").with(clerk()).with(csrf())
                        .param("action", "ACCEPT").param("version", "999"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("stale", true));
        mvc.perform(post("/workbench/cases/" + number + "/actions").with(clerk()).with(csrf())
                        .param("action", "REFUSE").param("version", "999"))
                .andExpect(flash().attribute("stale", true));
    }

    @Test
    void theSupervisorPageListsWarningsAndLinksToStatistics() throws Exception {
        mvc.perform(get("/supervision").with(user("supervisor@140000").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/stats\"")));
    }
}
