package org.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOrdinaryAndChineseNames() {
        assertThat(FileNames.sanitizeFilename("建设用地规划许可申请表.pdf")).isEqualTo("建设用地规划许可申请表.pdf");
        assertThat(FileNames.sanitizeFilename("site plan (v2).docx")).isEqualTo("site plan (v2).docx");
    }

    @Test
    void dropsPathParts() {
        assertThat(FileNames.sanitizeFilename("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitizeFilename("..\\..\\windows\\system32\\a.pdf")).isEqualTo("a.pdf");
        assertThat(FileNames.sanitizeFilename("C:\\Users\\张三\\申请书.pdf")).isEqualTo("申请书.pdf");
        assertThat(FileNames.sanitizeFilename("C:申请书.pdf")).isEqualTo("申请书.pdf");
        assertThat(FileNames.sanitizeFilename("/abs/path/x.png")).isEqualTo("x.png");
    }

    @Test
    void dropsControlFormatAndReservedCharacters() {
        assertThat(FileNames.sanitizeFilename("a\u0000b\r\n\tc.pdf")).isEqualTo("abc.pdf");
        // right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
        assertThat(FileNames.sanitizeFilename("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.sanitizeFilename("a<b>c:d\"e|f?g*h.pdf")).isEqualTo("abcdefgh.pdf");
    }

    @Test
    void trimsDotsAndSpacesAndDefusesDeviceNames() {
        assertThat(FileNames.sanitizeFilename("  .hidden.pdf . ")).isEqualTo("hidden.pdf");
        assertThat(FileNames.sanitizeFilename("CON.pdf")).isEqualTo("_CON.pdf");
    }

    @Test
    void emptyOrUselessNamesBecomeFile() {
        assertThat(FileNames.sanitizeFilename(null)).isEqualTo("file");
        assertThat(FileNames.sanitizeFilename("")).isEqualTo("file");
        assertThat(FileNames.sanitizeFilename("..")).isEqualTo("file");
        assertThat(FileNames.sanitizeFilename("dir/")).isEqualTo("file");
        assertThat(FileNames.sanitizeFilename("\u0001\u0002")).isEqualTo("file");
    }

    @Test
    void limitsTheLengthButKeepsTheExtension() {
        String longName = "很".repeat(300) + ".pdf";
        String safe = FileNames.sanitizeFilename(longName);
        assertThat(safe.codePointCount(0, safe.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(safe).endsWith("很.pdf");
        String noUsableExtension = "a".repeat(150) + "." + "b".repeat(50);
        assertThat(FileNames.sanitizeFilename(noUsableExtension)).hasSize(FileNames.MAX_LENGTH).startsWith("aaa");
        // characters outside the BMP are never cut in half
        String emoji = "😀".repeat(150);
        String cut = FileNames.sanitizeFilename(emoji);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(FileNames.MAX_LENGTH);
    }
}
