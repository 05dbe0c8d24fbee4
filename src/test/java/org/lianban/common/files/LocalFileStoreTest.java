package org.lianban.common.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lianban.common.ApiException;
import org.lianban.common.StoredFile;
import org.springframework.http.HttpStatus;

class LocalFileStoreTest {

    static final long LIMIT = 1024 * 1024;

    @TempDir
    Path root;

    LocalFileStore store() {
        return new LocalFileStore(root);
    }

    static Stream<Arguments> acceptedFiles() {
        return Stream.of(
                Arguments.of("申请书.pdf", TestFiles.pdf(), IncomingFile.PDF),
                Arguments.of("photo.jpg", TestFiles.image("jpeg"), IncomingFile.JPEG),
                Arguments.of("宗地图.png", TestFiles.image("png"), IncomingFile.PNG),
                Arguments.of("电子证照.ofd", TestFiles.ofd(), IncomingFile.OFD),
                Arguments.of("说明.docx", TestFiles.docx(), IncomingFile.DOCX),
                Arguments.of("清单.xlsx", TestFiles.xlsx(), IncomingFile.XLSX));
    }

    @ParameterizedTest
    @MethodSource("acceptedFiles")
    void storesEachAcceptedTypeWithItsHashSizeAndDetectedType(String name, byte[] bytes, String type)
            throws IOException {
        StoredFile stored = store().put("cases/2026-000123", name, new ByteArrayInputStream(bytes), LIMIT);

        assertThat(stored.contentType()).isEqualTo(type);
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.sha256()).isEqualTo(sha256(bytes));
        assertThat(stored.filename()).isEqualTo(name);
        assertThat(stored.key()).matches("cases/2026-000123/[0-9a-f-]{36}");
        assertThat(store().exists(stored.key())).isTrue();
        try (InputStream in = store().open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(filesUnderRoot()).containsExactly(root.resolve(stored.key()));
    }

    @Test
    void contentDecidesTheTypeNotTheName() {
        StoredFile stored = store().put("p", "looks-like.docx", new ByteArrayInputStream(TestFiles.pdf()), LIMIT);
        assertThat(stored.contentType()).isEqualTo(IncomingFile.PDF);
    }

    static Stream<Arguments> disguisedFiles() {
        return Stream.of(
                Arguments.of("setup.exe renamed", "x.pdf", TestFiles.exe()),
                Arguments.of("plain text", "x.pdf", "just some text, not a PDF\n".repeat(20).getBytes()),
                Arguments.of("HTML", "x.png", "<html><script>alert(1)</script></html>".getBytes()),
                Arguments.of("plain zip", "x.docx", TestFiles.zip(Map.of("readme.txt", "hello"))),
                Arguments.of("zip with word/ but no content types", "x.docx",
                        TestFiles.zip(Map.of("word/document.xml", "<w:document/>"))),
                Arguments.of("zip with content types only", "x.xlsx",
                        TestFiles.zip(Map.of("[Content_Types].xml", "<Types/>"))),
                Arguments.of("OFD.xml not at the root", "x.ofd", TestFiles.zip(Map.of("a/OFD.xml", "<ofd:OFD/>"))),
                Arguments.of("truncated zip", "x.docx", java.util.Arrays.copyOf(TestFiles.docx(), 200)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguisedFiles")
    void rejectsDisguisedFilesAs415AndKeepsNothing(String what, String name, byte[] bytes) throws IOException {
        assertThatThrownBy(() -> store().put("cases/x", name, new ByteArrayInputStream(bytes), LIMIT))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
                    assertThat(e.getMessage()).contains("PDF, JPEG, PNG, OFD, DOCX, XLSX");
                });
        assertThat(filesUnderRoot()).isEmpty();
    }

    @Test
    void rejectsAnOversizeFileAs413NamingTheLimitAndKeepsNothing() throws IOException {
        byte[] big = new byte[(int) LIMIT + 1];
        System.arraycopy(TestFiles.pdf(), 0, big, 0, TestFiles.pdf().length);

        assertThatThrownBy(() -> store().put("cases/x", "big.pdf", new ByteArrayInputStream(big), LIMIT))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.getMessage()).contains("1 MB");
                });
        assertThat(filesUnderRoot()).isEmpty();
    }

    @Test
    void stopsReadingAsSoonAsTheLimitIsPassed() {
        CountingEndlessPdf endless = new CountingEndlessPdf();

        assertThatThrownBy(() -> store().put("cases/x", "endless.pdf", endless, 50L * 1024 * 1024))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.getMessage()).contains("50 MB"));
        assertThat(endless.served).isLessThan(50L * 1024 * 1024 + 128 * 1024);
    }

    @Test
    void acceptsAFileOfExactlyTheLimit() {
        byte[] exact = new byte[4096];
        System.arraycopy(TestFiles.pdf(), 0, exact, 0, TestFiles.pdf().length);

        assertThat(store().put("p", "a.pdf", new ByteArrayInputStream(exact), 4096).size()).isEqualTo(4096);
        assertThatThrownBy(() -> store().put("p", "a.pdf", new ByteArrayInputStream(exact), 4095))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("4 KB"));
    }

    @Test
    void rejectsAnEmptyFileAs400() {
        assertThatThrownBy(() -> store().put("p", "a.pdf", InputStream.nullInputStream(), LIMIT))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void aStreamThatBreaksOffLeavesNothingBehind() throws IOException {
        InputStream breaking = new InputStream() {
            final InputStream start = new ByteArrayInputStream(TestFiles.pdf());

            @Override
            public int read() throws IOException {
                int b = start.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }
        };

        assertThatThrownBy(() -> store().put("cases/x", "a.pdf", breaking, LIMIT))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat(filesUnderRoot()).isEmpty();
    }

    @Test
    void aTraversingFilenameIsStoredUnderAGeneratedKeyInsideTheRoot() throws IOException {
        StoredFile stored = store().put("cases/x", "../../../../etc/cron.d/evil.pdf",
                new ByteArrayInputStream(TestFiles.pdf()), LIMIT);

        assertThat(stored.filename()).isEqualTo("evil.pdf");
        assertThat(stored.key()).startsWith("cases/x/").doesNotContain("evil");
        assertThat(filesUnderRoot()).singleElement()
                .satisfies(p -> assertThat(p.normalize()).startsWith(root.resolve("cases/x")));
    }

    @Test
    void rejectsAKeyPrefixThatCouldLeaveTheRoot() {
        for (String prefix : List.of("../outside", "cases/../..", "/abs", "", "a//b", "a/.hidden")) {
            assertThatThrownBy(() -> store().put(prefix, "a.pdf", new ByteArrayInputStream(TestFiles.pdf()), LIMIT))
                    .as(prefix).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unknownOrForeignKeysAreNotFound() throws IOException {
        Files.writeString(root.resolve("secret.txt"), "x");
        for (String key : List.of("cases/x/00000000-0000-0000-0000-000000000000", "secret.txt", "../secret.txt",
                "cases/../secret.txt")) {
            assertThat(store().exists(key)).as(key).isFalse();
            assertThatThrownBy(() -> store().open(key)).as(key).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        }
    }

    @Test
    void deleteRemovesTheFileAndIsIdempotent() {
        StoredFile stored = store().put("p", "a.pdf", new ByteArrayInputStream(TestFiles.pdf()), LIMIT);

        store().delete(stored.key());
        store().delete(stored.key());

        assertThat(store().exists(stored.key())).isFalse();
        assertThat(Files.exists(root.resolve(stored.key()))).isFalse();
    }

    @Test
    void twoUploadsOfTheSameFileGetDifferentKeys() {
        StoredFile a = store().put("p", "a.pdf", new ByteArrayInputStream(TestFiles.pdf()), LIMIT);
        StoredFile b = store().put("p", "a.pdf", new ByteArrayInputStream(TestFiles.pdf()), LIMIT);

        assertThat(a.key()).isNotEqualTo(b.key());
        assertThat(a.sha256()).isEqualTo(b.sha256());
    }

    private List<Path> filesUnderRoot() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF header followed by zeros forever, counting what it handed out. */
    static final class CountingEndlessPdf extends InputStream {
        final byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        long served;

        @Override
        public int read() {
            byte next = served < header.length ? header[(int) served] : 0;
            served++;
            return next;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len && served < header.length) {
                b[off + n++] = header[(int) served++];
            }
            java.util.Arrays.fill(b, off + n, off + len, (byte) 0);
            served += len - n;
            return len;
        }
    }
}
