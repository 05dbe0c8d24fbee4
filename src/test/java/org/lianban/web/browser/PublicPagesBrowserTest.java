package org.lianban.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class PublicPagesBrowserTest {

    @LocalServerPort int port;
    Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void homeListsTheCatalogInChineseAndPassesTheAccessibilityScan() {
        browser.open("/");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.text(".brand-name")).isEqualTo("山西省自然资源行政审批三级联办平台");
        assertThat(browser.all(".matter-list li")).hasSizeGreaterThan(10);
        browser.screenshot("home");
        browser.mobileScreenshot("home-mobile-360");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void searchNarrowsTheCatalogAsYouType() {
        browser.open("/");
        int all = browser.all(".matter-list li").size();
        browser.type("#q", "NR-LAND-01");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> browser.all(".matter-list li").size() < all);
        assertThat(browser.pageText()).contains("建设项目用地预审与选址意见书核发");
        assertThat(browser.path()).contains("q=NR-LAND-01");
    }

    @Test
    void guideShowsTheFlowAcrossTheThreeLevelsAndPassesTheAccessibilityScan() {
        browser.open("/matters/NR-LAND-01-P");
        assertThat(browser.all(".lanes .step")).isNotEmpty();
        assertThat(browser.all("table tbody tr")).isNotEmpty();
        browser.screenshot("guide");
        browser.mobileScreenshot("guide-mobile-360");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void englishIsOneClickAwayAndKeepsThePage() {
        browser.open("/matters/NR-LAND-01-P");
        browser.click(".lang-switch a[lang=en]");
        assertThat(browser.path()).startsWith("/matters/NR-LAND-01-P");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.text("h1")).contains("Service guide");
        browser.screenshot("guide-en");
        browser.click(".lang-switch a[lang=zh-CN]");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
    }

    @Test
    void wrongPasswordIsExplainedAtTheTopAndLinksToTheField() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/login");
        browser.type("#username", "no-such-user").type("#password", "wrong");
        browser.find("main form button[type=submit]").click();
        assertThat(browser.text(".error-summary")).contains("用户名或密码不正确");
        browser.screenshot("login-error");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
}
