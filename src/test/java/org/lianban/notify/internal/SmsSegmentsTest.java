package org.lianban.notify.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void seventyChineseCharactersFitOneSms() {
        String text = "审".repeat(70);
        assertEquals(List.of(text), SmsSegments.split(text));
    }

    @Test
    void seventyOneCharactersNeedTwoPartsOfAtMostSixtySeven() {
        List<String> parts = SmsSegments.split("批".repeat(71));
        assertEquals(2, parts.size());
        assertEquals(67, parts.get(0).length());
        assertEquals(4, parts.get(1).length());
    }

    @Test
    void partsNeverCutASurrogatePair() {
        String text = "办".repeat(66) + "𠀀" + "办".repeat(10); // U+20000 takes two UTF-16 units at 66..67
        List<String> parts = SmsSegments.split(text);
        assertEquals(66, parts.getFirst().length());
        assertEquals(text, String.join("", parts));
    }

    @Test
    void partCarriesTheSixOctetConcatenationHeaderThenUcs2() {
        byte[] payload = SmsSegments.withUdh(0x2A, 3, 2, "联办");
        assertArrayEquals(new byte[] {0x05, 0x00, 0x03, 0x2A, 0x03, 0x02, (byte) 0x80, (byte) 0x54, (byte) 0x52,
                (byte) 0x9E}, payload);
    }
}
