package org.lianban.common.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.lianban.common.ApiException;
import org.lianban.common.FileStore;

/**
 * Receives an upload into a file: streams it to disk while counting and hashing, stops at the size limit, and
 * decides the type by content. Tika looks at the magic bytes only (no filename hint, so that {@code virus.exe}
 * renamed {@code x.pdf} stays an executable); ZIP containers are told apart by their entries.
 */
final class IncomingFile {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String OFD = "application/ofd";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What the file store received: checked and complete. */
    record Received(long size, String sha256, String contentType) {}

    private static final Set<String> PLAIN_TYPES = Set.of(PDF, JPEG, PNG);
    private static final int HEAD_BYTES = 8192;
    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry TYPES = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private IncomingFile() {}

    /** Rejects prefixes that could leave the store's root or collide with temporary files. */
    static String checkPrefix(String keyPrefix) {
        if (keyPrefix == null || !PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException(
                    "A key prefix is one or more '/'-separated segments of letters, digits, '_' and '-': " + keyPrefix);
        }
        return keyPrefix;
    }

    /**
     * Copies {@code content} into {@code target} (which must not exist) and checks it. The caller deletes
     * {@code target} when this throws.
     */
    static Received receive(InputStream content, Path target, long maxBytes) {
        MessageDigest sha256 = sha256();
        byte[] head = new byte[HEAD_BYTES];
        int headLength = 0;
        String type = null;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            for (int n = read(content, buffer); n >= 0; n = read(content, buffer)) {
                size += n;
                if (size > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (type == null) {
                    int copy = Math.min(n, HEAD_BYTES - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                    if (headLength == HEAD_BYTES) {
                        type = acceptableMagic(head, headLength);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write an uploaded file", e);
        }
        if (size == 0) {
            throw ApiException.badRequest("file", "The file is empty; please choose the file again.");
        }
        if (type == null) {
            type = acceptableMagic(head, headLength);
        }
        if (isZip(type)) {
            type = zipContainerType(target);
        }
        return new Received(size, HexFormat.of().formatHex(sha256.digest()), type);
    }

    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw ApiException.badRequest("file", "The upload broke off before the end; please send the file again.");
        }
    }

    /** Returns the detected type if it is accepted as such or a ZIP that needs a look inside; else 415. */
    private static String acceptableMagic(byte[] head, int length) {
        String detected = TIKA.detect(Arrays.copyOf(head, length));
        if (PLAIN_TYPES.contains(detected) || isZip(detected)) {
            return detected;
        }
        throw unsupported();
    }

    private static boolean isZip(String type) {
        MediaType media = MediaType.parse(type);
        return MediaType.APPLICATION_ZIP.equals(media) || TYPES.isSpecializationOf(media, MediaType.APPLICATION_ZIP);
    }

    /** OFD (GB/T 33190) has {@code OFD.xml} at its root; OOXML has {@code [Content_Types].xml} and its parts. */
    private static String zipContainerType(Path file) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        boolean ofd = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                ofd |= name.equals("OFD.xml");
            }
        } catch (IOException e) {
            throw unsupported();
        }
        if (ofd) {
            return OFD;
        }
        if (contentTypes && word && !excel) {
            return DOCX;
        }
        if (contentTypes && excel && !word) {
            return XLSX;
        }
        throw unsupported();
    }

    private static ApiException unsupported() {
        return ApiException.unsupportedType(
                "This file type is not accepted. Accepted types: " + FileStore.ACCEPTED_TYPES + ".");
    }

    private static ApiException tooLarge(long maxBytes) {
        return ApiException.tooLarge("The file is larger than the limit of " + limitText(maxBytes)
                + "; please upload a smaller file.");
    }

    /** {@code 52428800} gives "50 MB"; limits under 1 MB are given in KB. */
    static String limitText(long bytes) {
        boolean mb = bytes >= 1024 * 1024;
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(mb ? 1024 * 1024 : 1024), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + (mb ? " MB" : " KB");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
