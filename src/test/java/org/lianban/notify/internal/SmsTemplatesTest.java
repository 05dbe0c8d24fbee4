package org.lianban.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianban.notify.SmsTemplateInfo;

class SmsTemplatesTest {

    SmsTemplates templates = new SmsTemplates(Map.of(
            "accepted", "【联办】办件{caseNumber}已受理，承诺办结日期{dueDate}。",
            "long", "【联办】{missing}{missing}{missing}{missing}"));

    @Test
    void fillsEveryPlaceholder() {
        assertEquals("【联办】办件140105-2026-000001已受理，承诺办结日期2026年12月1日。",
                templates.render("accepted", Map.of("caseNumber", "140105-2026-000001", "dueDate", "2026年12月1日")));
    }

    @Test
    void valueWithRegexCharactersIsInsertedLiterally() {
        assertEquals("【联办】办件$1\\x已受理，承诺办结日期d。",
                templates.render("accepted", Map.of("caseNumber", "$1\\x", "dueDate", "d")));
    }

    @Test
    void missingValueIsAnErrorNotABlank() {
        assertThrows(IllegalArgumentException.class,
                () -> templates.render("accepted", Map.of("caseNumber", "140105-2026-000001")));
        assertThrows(IllegalArgumentException.class, () -> templates.render("nope", Map.of()));
    }

    @Test
    void administratorsSeeSampleLengthAndSegments() {
        SmsTemplateInfo accepted = templates.describe().getFirst();
        assertEquals("accepted", accepted.name());
        assertEquals(accepted.sample().length(), accepted.length());
        assertEquals(1, accepted.segments());
        SmsTemplateInfo longOne = templates.describe().get(1);
        assertTrue(longOne.length() > 70);
        assertEquals(2, longOne.segments());
    }
}
