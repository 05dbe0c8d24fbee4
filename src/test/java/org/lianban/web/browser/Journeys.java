package org.lianban.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Steps of the journeys through the pages, as a person does them: apply for the province-decided demo matter at
 * 小店区 (140105), upload each material, act at each official's step.
 */
final class Journeys {

    static final String MATTER = "NR-LAND-01-P";
    static final String COUNTY = "140105";
    static final List<String> MATERIALS = List.of("M01", "M02", "M03", "M04", "M05", "M06", "M07");
    static final Path FILES = Path.of("target/test-files");

    private Journeys() {}

    /** A one-page PDF and a small PNG to upload (materials are checked by content, not by name). */
    static Path pdf() {
        Path file = FILES.resolve("material.pdf");
        if (Files.exists(file)) {
            return file.toAbsolutePath();
        }
        try (PDDocument doc = new PDDocument()) {
            Files.createDirectories(FILES);
            doc.addPage(new PDPage());
            doc.save(file.toFile());
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path png() {
        Path file = FILES.resolve("material.png");
        try {
            Files.createDirectories(FILES);
            BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 320, 200);
            g.setColor(new Color(0x1d4f91));
            g.fillRect(20, 20, 280, 40);
            g.dispose();
            ImageIO.write(img, "png", file.toFile());
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** applicant1 fills in the application form; returns the new case number (the draft's page is open). */
    static String apply(Browser b, String project) {
        openApplyForm(b);
        return fillInAndSave(b, project);
    }

    /** applicant1 signs in and starts an application from the service guide. */
    static void openApplyForm(Browser b) {
        b.signIn("applicant1");
        b.open("/matters/" + MATTER);
        b.click("aside a.button-start");
        b.waitUntil("the apply form", d -> b.path().endsWith("/apply"));
    }

    static String fillInAndSave(Browser b, String project) {
        new Select(b.find("#regionCode")).selectByValue(COUNTY);
        b.type("#applicantName", "山西示范建设有限公司");
        b.type("#idNumber", "91140105MA0GRX121J");
        b.type("#phone", "13812341234");
        b.type("#field_projectName", project);
        new Select(b.find("#field_location")).selectByValue(COUNTY);
        b.type("#field_area", "1.5");
        b.find("main form button[type=submit]").click();
        b.waitUntil("the new draft", d -> b.path().startsWith("/my/cases/"));
        String path = b.path();
        return path.substring("/my/cases/".length()).replaceAll("[?#].*", "");
    }

    /** Uploads one file for a material on the applicant's case page and waits until the page shows it. */
    static void upload(Browser b, String material, Path file) {
        WebElement input = b.find("#file-" + material);
        input.sendKeys(file.toString());
        WebElement form = input.findElement(By.xpath("./ancestor::form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(form));
        b.waitUntil("upload of " + material, d -> !d.findElement(By.id("file-" + material))
                .findElements(By.xpath("./ancestor::li//p[@class='uploaded']")).isEmpty());
    }

    static void uploadAll(Browser b) {
        Path pdf = pdf();
        Path png = png();
        for (String m : MATERIALS) {
            upload(b, m, m.equals("M01") ? pdf : png);
        }
    }

    static void submit(Browser b) {
        WebElement button = b.find("#submit-case");
        button.click();
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
    }

    /** An official signs in, opens the case and takes one action (opinion optional); returns the page's text. */
    static String act(Browser b, String official, String number, String action, String opinion) {
        b.signIn(official);
        b.open("/workbench/cases/" + number);
        return actOnOpenPage(b, action, opinion);
    }

    static String actOnOpenPage(Browser b, String action, String opinion) {
        open(b, action);
        if (opinion != null) {
            b.type("#opinion-" + action, opinion);
        }
        WebElement button = b.find("#action-" + action + " button[data-action=" + action + "]");
        button.click();
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
        return b.pageText();
    }

    /** Opens an action's form (a details element) unless it is open already. */
    static void open(Browser b, String action) {
        if (b.find("#action-" + action).getAttribute("open") == null) {
            b.click("#action-" + action + " summary");
        }
    }

    static void assertNoProblem(Browser b) {
        assertThat(b.all(".error-summary")).as("error summary on %s: %s", b.path(), b.pageText()).isEmpty();
    }
}
