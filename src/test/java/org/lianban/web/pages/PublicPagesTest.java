package org.lianban.web.pages;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.lianban.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@H2Test
class PublicPagesTest {

    @Autowired MockMvc mvc;

    @Test
    void homeIsChineseByDefaultWhateverTheBrowserAsks() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"zh-CN\">")))
                .andExpect(content().string(containsString("山西省自然资源行政审批三级联办平台")))
                .andExpect(content().string(containsString("土地管理")))
                .andExpect(content().string(containsString("href=\"/matters/NR-LAND-01-P\"")));
    }

    @Test
    void langSwitchesToEnglishAndIsRemembered() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Natural resources approvals")))
                .andExpect(cookie().value("lianban-lang", "en"));
        mvc.perform(get("/").cookie(new jakarta.servlet.http.Cookie("lianban-lang", "en")))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
    }

    @Test
    void languageSwitchKeepsThePageAndQuery() throws Exception {
        mvc.perform(get("/matters/NR-LAND-01-P").param("lang", "en"))
                .andExpect(content().string(containsString("href=\"/matters/NR-LAND-01-P?lang=zh-CN\"")))
                .andExpect(content().string(containsString("href=\"/matters/NR-LAND-01-P?lang=en\"")));
    }

    @Test
    void searchFiltersTheCatalogWithoutJavaScript() throws Exception {
        mvc.perform(get("/").param("q", "NR-LAND-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/matters/NR-LAND-01-P\"")))
                .andExpect(content().string(not(containsString("href=\"/matters/NR-MIN"))));
    }

    @Test
    void searchWithNoResultSaysSoAndOffersAll() throws Exception {
        mvc.perform(get("/").param("q", "no-such-matter-xyz"))
                .andExpect(content().string(containsString("没有找到相关事项")));
    }

    @Test
    void htmxSearchGetsOnlyTheCatalogFragment() throws Exception {
        mvc.perform(get("/").param("q", "NR-LAND").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"catalog\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void guideShowsMaterialsFlowLimitsAndLegalBasis() throws Exception {
        mvc.perform(get("/matters/NR-LAND-01-P"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申请材料")))
                .andExpect(content().string(containsString("class=\"tag tag-required\"")))
                .andExpect(content().string(containsString("class=\"lanes\"")))
                .andExpect(content().string(containsString("法定办结时限")))
                .andExpect(content().string(containsString("《土地管理法》")))
                .andExpect(content().string(containsString("href=\"/matters/NR-LAND-01-P/apply\"")));
    }

    @Test
    void unknownMatterIsAFriendlyNotFoundPage() throws Exception {
        mvc.perform(get("/matters/NO-SUCH"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("找不到该页面")));
    }

    @Test
    void loginPageExplainsAWrongPassword() throws Exception {
        mvc.perform(get("/login").param("error", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#username\"")))
                .andExpect(content().string(containsString("用户名或密码不正确")));
    }

    @Test
    void unknownCertificateCodeSaysSoInTheSiteLayout() throws Exception {
        mvc.perform(get("/verify/NO-SUCH-CODE"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到该核验码对应的证照")))
                .andExpect(content().string(containsString("class=\"masthead\"")));
    }

    @Test
    void progressPageAsksForNumberAndQueryCode() throws Exception {
        mvc.perform(get("/progress").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"number\">Case number</label>")))
                .andExpect(content().string(containsString("<label for=\"code\">Query code</label>")));
    }
}
