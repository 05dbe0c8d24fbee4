package org.lianban.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.lianban.stats.HistorySimulator;
import org.lianban.stats.SimulationRequest;
import org.lianban.stats.SimulationStatus;
import org.lianban.stats.Statistics;
import org.lianban.stats.StatsQuery;
import org.lianban.stats.StatsSummary;
import org.lianban.stats.internal.FactUpdater;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 7's demo: the history simulator's seven weeks of the seed platform (2020-12-07 .. 2021-01-27, 124 cases),
 * then the province supervisor's dashboard for that period — the headline tiles, the bottleneck chart by level and
 * step (ECharts, with its table) — equal to the summary computed from the cases' timelines.
 */
@BrowserTest
class StatsDashboardBrowserTest {

    private static final LocalDate FROM = LocalDate.parse("2020-12-07");
    private static final LocalDate TO = LocalDate.parse("2021-01-27");

    @LocalServerPort int port;
    @Autowired HistorySimulator simulator;
    @Autowired Statistics statistics;
    @Autowired FactUpdater facts;
    Browser browser;

    @BeforeAll
    void start() {
        SimulationStatus done = simulator.run(new SimulationRequest(FROM, TO, 124, 20201207L));
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.numbers()).hasSize(124);
        // the statistics listener refreshes the same facts after each commit, asynchronously; done here so the page
        // does not depend on how far the listeners got on a busy machine
        done.numbers().forEach(facts::refresh);
        browser = Browser.start(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDashboardShowsTheSimulatedPeriodsCasesAverageAndWhereTheTimeWent() {
        browser.signIn("supervisor@140000").open("/stats?from=" + FROM + "&to=" + TO);
        assertThat(browser.text("#tile-cases")).isEqualTo("124");
        StatsSummary s = statistics.summary(new StatsQuery(FROM, TO, null, null, null),
                new CurrentUser("supervisor@140000", "x", Role.SUPERVISOR, "140000", Level.PROVINCE));
        assertThat(s.cases()).isEqualTo(124);
        assertThat(s.averageWorkingDays()).isNotNull();
        assertThat(browser.text("#tile-average"))
                .isEqualTo(s.averageWorkingDays().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        browser.waitUntil("the bottleneck chart drawn", d -> d.findElement(By.id("chart-step")).isDisplayed()
                && !d.findElements(By.cssSelector("#chart-step canvas, #chart-step svg")).isEmpty());
        assertThat(browser.all("#table-level tbody tr")).hasSize(s.byLevel().size());
        assertThat(browser.all("#table-step tbody tr")).hasSize(s.byStep().size());
        browser.screenshot("stats-dashboard");
        browser.mobileScreenshot("stats-dashboard-mobile-360");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }
}
