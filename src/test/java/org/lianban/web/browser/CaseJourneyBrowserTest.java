package org.lianban.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianban.web.browser.Journeys.act;
import static org.lianban.web.browser.Journeys.actOnOpenPage;
import static org.lianban.web.browser.Journeys.assertNoProblem;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whole journeys in a real browser: the three-level flow to an issued certificate, a supplement round, a race. */
@BrowserTest
class CaseJourneyBrowserTest {

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
    void applicationGoesCountyCityProvinceAndBackToAnIssuedVerifiableCertificate() {
        Browser b = browser;
        Journeys.openApplyForm(b);
        b.screenshot("apply");
        b.mobileScreenshot("apply-mobile-360");
        assertThat(b.seriousAccessibilityViolations()).isEmpty();
        String number = Journeys.fillInAndSave(b, "太原经开区配套道路工程");
        b.screenshot("case-draft");
        assertThat(b.seriousAccessibilityViolations()).isEmpty();
        Journeys.uploadAll(b);
        Journeys.submit(b);
        assertNoProblem(b);
        assertThat(b.text(".status")).isEqualTo("已提交，待受理");
        String queryCode = b.find(".facts strong").getText();

        b.signIn("clerk@140105");
        b.open("/workbench");
        assertThat(b.all("#tasks a")).extracting(e -> e.getText()).contains(number);
        b.screenshot("workbench");
        b.mobileScreenshot("workbench-mobile-360");
        assertThat(b.seriousAccessibilityViolations()).isEmpty();
        b.open("/workbench/cases/" + number);
        b.click("details:has(iframe) summary");
        b.screenshot("workbench-case");
        assertThat(b.seriousAccessibilityViolations()).isEmpty();
        actOnOpenPage(b, "ACCEPT", null);
        assertNoProblem(b);

        act(b, "reviewer@140105", number, "PASS", "县级初审：材料齐全，符合规划，同意上报。");
        assertNoProblem(b);
        act(b, "reviewer@140100", number, "PASS", "市级审查：选址符合国土空间规划，同意。");
        assertNoProblem(b);
        act(b, "reviewer@140000", number, "PASS", "省级审查：用地规模符合标准。");
        assertNoProblem(b);
        act(b, "approver@140000", number, "APPROVE", "准予核发。");
        assertNoProblem(b);
        act(b, "clerk@140105", number, "ISSUE", null);
        assertNoProblem(b);

        b.signIn("applicant1");
        b.open("/my/cases/" + number);
        assertThat(b.text(".status")).isEqualTo("已办结（证照已发放）");
        assertThat(b.all(".timeline li")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(b.pageText()).contains("县级初审", "市级审查", "省级", "reviewer@140100");
        waitForDocument(b, number, "CERTIFICATE");
        b.screenshot("case-issued");
        b.mobileScreenshot("case-issued-mobile-360");
        assertThat(b.seriousAccessibilityViolations()).isEmpty();
        b.open("/my/cases/" + number + "?lang=en");
        assertThat(b.text(".status")).isEqualTo("Done (certificate issued)");
        b.screenshot("case-issued-en");
        assertThat(b.seriousAccessibilityViolations()).isEmpty();
        b.open("/my/cases/" + number + "?lang=zh-CN");

        String href = b.find("a[data-kind=CERTIFICATE]").getAttribute("href");
        Object head = ((JavascriptExecutor) b.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(buf => done(r.headers.get('content-type') + ' '
                    + String.fromCharCode(...new Uint8Array(buf).slice(0, 5))))).catch(e => done('failed ' + e));
                """, href);
        assertThat(head).isEqualTo("application/pdf %PDF-");

        b.find("a[href^='/verify/']").click();
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.path().startsWith("/verify/"));
        assertThat(b.text("#verify-result")).contains("该证照有效");
        b.screenshot("verify");

        b.driver.manage().deleteAllCookies();
        b.open("/progress");
        b.type("#number", number).type("#code", queryCode);
        WebElement query = b.find("main form button[type=submit]");
        query.click();
        // read the answer's heading, not the form page's while it is being replaced (a stale element otherwise)
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(query));
        assertThat(b.text("h1")).contains("建设项目用地预审");
        assertThat(b.pageText()).contains("已办结").doesNotContain("山西示范建设有限公司", "13812341234");
        b.screenshot("progress");
        assertThat(b.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void missingMaterialsAreAskedForOnceAndTheApplicantSuppliesThem() {
        Browser b = browser;
        String number = Journeys.apply(b, "晋中物流园区用地");
        Journeys.uploadAll(b);
        Journeys.submit(b);

        b.signIn("clerk@140105");
        b.open("/workbench/cases/" + number);
        Journeys.open(b, "REQUEST_SUPPLEMENT");
        b.find("#missing-REQUEST_SUPPLEMENT input[value=M02]").click();
        b.find("#missing-REQUEST_SUPPLEMENT input[value=M06]").click();
        actOnOpenPage(b, "REQUEST_SUPPLEMENT", "申请报告缺少盖章页；示意图比例尺不清。");
        assertNoProblem(b);

        b.signIn("applicant1");
        b.open("/my/cases/" + number);
        assertThat(b.text(".status")).isEqualTo("待补正材料");
        assertThat(b.text("#supp-h")).isNotEmpty();
        assertThat(b.pageText()).contains("申请报告缺少盖章页");
        List<String> asked = b.all("input[type=file]").stream().map(e -> e.getAttribute("id")).toList();
        assertThat(asked).containsExactlyInAnyOrder("file-M02", "file-M06");
        b.screenshot("case-supplement");
        assertThat(b.seriousAccessibilityViolations()).isEmpty();
        Journeys.upload(b, "M02", Journeys.pdf());
        Journeys.upload(b, "M06", Journeys.png());
        Journeys.submit(b);
        assertThat(b.text(".status")).isEqualTo("已提交，待受理");

        act(b, "clerk@140105", number, "ACCEPT", null);
        assertNoProblem(b);
        b.signIn("applicant1");
        b.open("/my/cases/" + number);
        assertThat(b.text(".status")).isEqualTo("办理中");
    }

    @Test
    void aStalePageSaysSomeoneElseActedFirstInsteadOfFailing() {
        Browser b = browser;
        String number = Journeys.apply(b, "清徐县光伏项目用地");
        Journeys.uploadAll(b);
        Journeys.submit(b);

        try (Browser other = Browser.start(port)) {
            b.signIn("clerk@140105");
            b.open("/workbench/cases/" + number);
            other.signIn("clerk@140105");
            other.open("/workbench/cases/" + number);
            actOnOpenPage(other, "ACCEPT", null);
            assertNoProblem(other);

            Journeys.open(b, "REQUEST_SUPPLEMENT");
            b.find("#missing-REQUEST_SUPPLEMENT input[value=M04]").click();
            String text = actOnOpenPage(b, "REQUEST_SUPPLEMENT", "缺少坐标表");
            assertThat(b.find("#stale").getText()).contains("其他工作人员已先处理了此办件");
            assertThat(text).doesNotContain("Whitelabel", "Exception");
            b.screenshot("workbench-stale");

            other.signIn("reviewer@140105");
            other.open("/workbench/cases/" + number);
            actOnOpenPage(other, "PASS", "同意");
            assertNoProblem(other);

            b.click("#stale a");
            assertThat(b.all(".actions-list details")).isEmpty();
            assertThat(b.pageText()).contains("市级审查");
        }
    }

    private static void waitForDocument(Browser b, String number, String kind) {
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            if (d.findElements(By.cssSelector("a[data-kind=" + kind + "]")).isEmpty()) {
                b.open("/my/cases/" + number);
                return false;
            }
            return true;
        });
    }
}
