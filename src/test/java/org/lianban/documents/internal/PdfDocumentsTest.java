package org.lianban.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lianban.documents.DocumentKind;
import org.lianban.documents.internal.DocumentRequest.Holder;

/** Layout and text of the generated PDFs, read back with PDFBox. */
class PdfDocumentsTest {

    static final PdfComposer COMPOSER = new PdfComposer(new CjkFonts());

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void everyKindCarriesItsChineseTitleNumberAuthorityAddresseeAndDateAsText(DocumentKind kind) throws Exception {
        DocumentRequest r = Samples.of(kind);
        String text = text(COMPOSER.render(r));
        assertThat(text).contains(r.kind().title().replace(" ", ""), r.authority().name(), r.number(),
                r.holder().name(), r.caseNumber(), "2026年3月4日");
    }

    @Test
    void supplementNoticeListsEveryMissingItemAndTheRespondByDate() throws Exception {
        String text = text(COMPOSER.render(Samples.of(DocumentKind.SUPPLEMENT_NOTICE)));
        assertThat(text).contains("一次性告知", "1.建设项目用地预审申请表（原件）", "2.项目建设依据（项目立项批复文件）",
                "3.标注项目用地范围的土地利用现状图和土地利用总体规划图", "2026年3月25日前");
    }

    @Test
    void denialStatesTheReasonsAndTheRightToReconsiderationOrLitigation() throws Exception {
        String text = text(COMPOSER.render(Samples.of(DocumentKind.DENIAL_DECISION)));
        assertThat(text).contains("永久基本农田保护红线", "不予行政许可", "六十日内依法申请行政复议", "六个月内依法向人民法院提起行政诉讼");
    }

    @Test
    void refusalAndExtensionStateTheirReasons() throws Exception {
        assertThat(text(COMPOSER.render(Samples.of(DocumentKind.REFUSAL))))
                .contains("申请事项依法不需要取得行政许可", "决定不予受理", "行政复议");
        assertThat(text(COMPOSER.render(Samples.of(DocumentKind.EXTENSION_NOTICE))))
                .contains("需征求发展改革、生态环境等部门意见", "延长10个工作日", "2026年3月26日前");
    }

    @Test
    void certificateShowsHolderIdContentValidityAndVerificationCode() throws Exception {
        String text = text(COMPOSER.render(Samples.of(DocumentKind.CERTIFICATE)));
        assertThat(text).contains("持证人", "统一社会信用代码", "91140100MA0K1234X5", "建设项目用地预审与选址意见书核发",
                "晋华产业园一期标准化厂房建设项目", "2026年3月4日至2029年3月3日", "K7Q2M9XW4TD8HC3P",
                "发证机关：太原市自然资源局");
    }

    @Test
    void fontIsEmbeddedAsASubsetAndEveryPdfStaysSmall() throws Exception {
        for (DocumentKind kind : DocumentKind.values()) {
            byte[] pdf = COMPOSER.render(Samples.of(kind));
            assertThat(pdf.length).as(kind + " size").isLessThan(300 * 1024);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDPage page = doc.getPage(0);
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
                }
            }
        }
    }

    @Test
    void decisionsAndCertificatesFitOnOnePage() throws Exception {
        for (DocumentKind kind : DocumentKind.values()) {
            try (PDDocument doc = Loader.loadPDF(COMPOSER.render(Samples.of(kind)))) {
                assertThat(doc.getNumberOfPages()).as(kind.toString()).isEqualTo(1);
            }
        }
    }

    @Test
    void aCharacterTheFontLacksDoesNotFailTheDocument() throws Exception {
        DocumentRequest r = DocumentRequest.builder(DocumentKind.ACCEPTANCE_NOTICE).number("N-1").caseNumber("C-1")
                .authority(Samples.COUNTY).holder(new Holder("张三\uD83D\uDE00\u0007公司", "ID_CARD", "x"))
                .issuedAt(Samples.ISSUED).build();
        assertThat(text(COMPOSER.render(r))).contains("张三??公司");
    }

    @Test
    void aRareCharacterOutsideGb2312IsSetWithTheCompleteFont() throws Exception {
        assertThat(java.nio.charset.Charset.forName("GB2312").newEncoder().canEncode('堃')).isFalse();
        DocumentRequest r = DocumentRequest.builder(DocumentKind.CERTIFICATE).number("N-3").caseNumber("C-3")
                .authority(Samples.CITY).holder(new Holder("王堃", "ID_CARD", "140105199001011234"))
                .matterName("采矿权新立登记").certificate(Samples.certificate()).issuedAt(Samples.ISSUED).build();
        assertThat(text(COMPOSER.render(r))).contains("王堃", "居民身份证", "140105199001011234");
    }

    @Test
    void longTextFlowsOntoASecondPage() throws Exception {
        DocumentRequest r = DocumentRequest.builder(DocumentKind.DENIAL_DECISION).number("N-2").caseNumber("C-2")
                .authority(Samples.CITY).holder(Samples.HOLDER).reason("理由。".repeat(400))
                .issuedAt(Samples.ISSUED).build();
        try (PDDocument doc = Loader.loadPDF(COMPOSER.render(r))) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("行政诉讼", "— 2 —".replace(" ", ""));
        }
    }

    /** Renders every kind to PNG under target/documents-review, for a human to look at. */
    @Test
    void rendersEveryKindToPngForReview() throws Exception {
        Path out = Path.of("target/documents-review");
        Files.createDirectories(out);
        for (DocumentKind kind : DocumentKind.values()) {
            byte[] pdf = COMPOSER.render(Samples.of(kind));
            Files.write(out.resolve(kind + ".pdf"), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 96);
                ImageIO.write(img, "png", out.resolve(kind + ".png").toFile());
            }
            assertThat(out.resolve(kind + ".png")).isNotEmptyFile();
        }
    }
}
