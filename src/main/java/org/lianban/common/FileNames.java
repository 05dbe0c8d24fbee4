package org.lianban.common;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Turns a user-supplied filename into one that is safe to show, log and offer as a download name. */
public final class FileNames {

    /** Longest name kept, in code points (Chinese names count one per character). */
    public static final int MAX_LENGTH = 100;

    private static final int MAX_EXTENSION = 10;
    private static final String RESERVED = "<>:\"/\\|?*";
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private FileNames() {}

    /**
     * Keeps only the last path element (both {@code /} and {@code \} separate, drive letters go), drops control,
     * format (e.g. right-to-left override) and reserved characters, trims dots and spaces at the ends and limits
     * the length to {@link #MAX_LENGTH} while keeping a short extension. Chinese and other letters stay.
     * Returns {@code "file"} when nothing usable is left.
     */
    public static String sanitizeFilename(String name) {
        if (name == null) {
            return "file";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFC).replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        s = DRIVE.matcher(s).replaceFirst("");
        StringBuilder kept = new StringBuilder(s.length());
        s.codePoints().filter(FileNames::allowed).forEach(kept::appendCodePoint);
        s = trimDotsAndSpaces(kept.toString());
        if (s.isEmpty()) {
            return "file";
        }
        if (WINDOWS_DEVICE.matcher(s).matches()) {
            s = "_" + s;
        }
        return limitLength(s);
    }

    private static boolean allowed(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && RESERVED.indexOf(cp) < 0;
    }

    private static String trimDotsAndSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String limitLength(String s) {
        if (s.codePointCount(0, s.length()) <= MAX_LENGTH) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 ? s.substring(dot) : "";
        if (ext.codePointCount(0, ext.length()) > MAX_EXTENSION + 1) {
            ext = "";
        }
        String base = ext.isEmpty() ? s : s.substring(0, dot);
        int keep = MAX_LENGTH - ext.codePointCount(0, ext.length());
        base = base.substring(0, base.offsetByCodePoints(0, keep));
        return trimDotsAndSpaces(base) + ext;
    }
}
