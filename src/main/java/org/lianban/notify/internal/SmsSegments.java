package org.lianban.notify.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splitting a message for SMS in UCS-2 (data_coding 0x08, what Chinese text needs): up to 70 characters fit in one
 * SMS; a longer text goes in parts of at most 67 characters, each behind a 6-byte concatenation UDH
 * ({@code 05 00 03 ref total seq}, 3GPP TS 23.040 §9.2.3.24.1) that the handset uses to join them.
 */
public final class SmsSegments {

    static final int SINGLE = 70;
    static final int PART = 67;

    private SmsSegments() {}

    public static int count(String text) {
        return split(text).size();
    }

    /** The text in parts; a surrogate pair is never cut in two. */
    public static List<String> split(String text) {
        if (text.length() <= SINGLE) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    public static byte[] ucs2(String text) {
        return text.getBytes(StandardCharsets.UTF_16BE);
    }

    /** One part's payload: the concatenation UDH followed by the UCS-2 text. */
    public static byte[] withUdh(int ref, int total, int seq, String part) {
        byte[] body = ucs2(part);
        byte[] out = new byte[6 + body.length];
        out[0] = 0x05;
        out[1] = 0x00;
        out[2] = 0x03;
        out[3] = (byte) ref;
        out[4] = (byte) total;
        out[5] = (byte) seq;
        System.arraycopy(body, 0, out, 6, body.length);
        return out;
    }
}
