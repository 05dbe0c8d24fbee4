package org.lianban.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window on the application under test, with the steps the journeys repeat: sign in, open a
 * page, fill a field, take a screenshot, run the axe-core accessibility scan. Only Debian's {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver} are used; nothing is ever downloaded. Without them the test is skipped.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic", "--lang=zh-CN");

    final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts Chromium, or skips the calling test (with the reason) when the browser or driver is not installed. */
    static Browser start(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            Assumptions.abort("browser tests skipped: " + CHROMIUM + " or " + DRIVER
                    + " is not installed (apt-get install chromium chromium-driver)");
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(FLAGS);
        ChromeDriver driver = new ChromeDriver(options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, "http://localhost:" + port);
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageText() {
        return find("body").getText();
    }

    Browser type(String css, String value) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(value);
        return this;
    }

    Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Waits up to 30 s for {@code condition}; on timeout fails with the page's path and text and a screenshot. */
    void waitUntil(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("timed out waiting for " + what + " on " + path() + ":\n" + pageText(), e);
        }
    }

    /** Signs out whoever is signed in and signs in {@code username} (demo password). */
    Browser signIn(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        type("#username", username).type("#password", "demo");
        find("main form button[type=submit]").click();
        waitUntil("signed in as " + username, d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** A screenshot of the whole page (not only the window) under target/screenshots/{name}.png. */
    Path screenshot(String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(before.width, (int) Math.min(Math.max(height + 140, 600), 6000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Screenshot at a 360 px wide phone screen. */
    Path mobileScreenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(360, 740));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Runs axe-core on the current page; returns the serious and critical violations, one line each. */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
