package org.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Samples: the GB 11643-1999 example, the GB 32100-2015 example, and numbers whose check characters were computed
 * by hand as shown (ID: sum of digit x weight 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11, mapped through
 * 1 0 X 9 8 7 6 5 4 3 2; USCC: sum of value x 3^i mod 31, C18 = 31 - sum mod 31; organisation code: weights
 * 3 7 9 10 5 8 4 2, C9 = 11 - sum mod 11).
 */
class IdNumbersTest {

    @Test
    void acceptsTheStandardsOwnResidentIdExample() {
        // 1101051949123100 2: sum 167, 167 mod 11 = 2 -> X
        assertThat(IdNumbers.isValidResidentId("11010519491231002X")).isTrue();
        assertThat(IdNumbers.isValidResidentId("11010519491231002x")).isTrue();
    }

    @Test
    void acceptsComputedResidentIds() {
        // 14010519900307123: sum 217, mod 11 = 8 -> 4
        assertThat(IdNumbers.isValidResidentId("140105199003071234")).isTrue();
        // born on a leap day, 14010520000229004: sum 163, mod 11 = 9 -> 3
        assertThat(IdNumbers.isValidResidentId("140105200002290043")).isTrue();
    }

    @Test
    void rejectsAWrongResidentIdCheckDigit() {
        assertThat(IdNumbers.isValidResidentId("110105194912310021")).isFalse();
        assertThat(IdNumbers.isValidResidentId("140105199003071235")).isFalse();
    }

    @Test
    void rejectsResidentIdsWithImpossibleBirthDatesEvenWithACorrectCheckDigit() {
        assertThat(IdNumbers.isValidResidentId("110105194902310026")).isFalse(); // 31 February, sum 160 -> 6
        assertThat(IdNumbers.isValidResidentId("140105199013011235")).isFalse(); // month 13, sum 194 -> 5
        assertThat(IdNumbers.isValidResidentId("110105189912310023")).isFalse(); // 1899, sum 196 -> 3
    }

    @Test
    void rejectsAResidentIdBornAfterTheGivenDay() {
        String future = "110105203001010028"; // 2030-01-01, sum 81 -> 8
        assertThat(IdNumbers.isValidResidentId(future)).isTrue();
        assertThat(IdNumbers.isValidResidentId(future, LocalDate.of(2026, 11, 29))).isFalse();
        assertThat(IdNumbers.isValidResidentId("11010519491231002X", LocalDate.of(2026, 11, 29))).isTrue();
    }

    @Test
    void rejectsResidentIdsOfTheWrongShape() {
        assertThat(IdNumbers.isValidResidentId(null)).isFalse();
        assertThat(IdNumbers.isValidResidentId("")).isFalse();
        assertThat(IdNumbers.isValidResidentId("11010519491231002")).isFalse();
        assertThat(IdNumbers.isValidResidentId("11010519491231002XX")).isFalse();
        assertThat(IdNumbers.isValidResidentId("110105491231002")).isFalse(); // old 15-digit form
        assertThat(IdNumbers.isValidResidentId("1101051949123100X2")).isFalse();
        assertThat(IdNumbers.isValidResidentId("11010519491231００2X")).isFalse(); // full-width digits
        assertThat(IdNumbers.isValidResidentId("010105194912310026")).isFalse(); // region 0..., sum 160 -> 6
    }

    @Test
    void acceptsTheStandardsOwnCreditCodeExample() {
        // organisation code M000100Y: sum 139, 11 - 139 mod 11 = 4; whole code: sum 1640, 31 - 1640 mod 31 = 3
        assertThat(IdNumbers.isValidCreditCode("91350100M000100Y43")).isTrue();
    }

    @Test
    void acceptsComputedCreditCodes() {
        // MA0K3R2A: sum 595, 11 - 595 mod 11 = 10 -> X; code sum 2868, 31 - 2868 mod 31 = 15 -> F
        assertThat(IdNumbers.isValidCreditCode("91140100MA0K3R2AXF")).isTrue();
        // 事业单位 (12...), 40000001: sum 14, 11 - 3 = 8; code sum 350, 31 - 350 mod 31 = 22 -> N
        assertThat(IdNumbers.isValidCreditCode("12100000400000018N")).isTrue();
    }

    @Test
    void rejectsAWrongCreditCodeCheckCharacter() {
        assertThat(IdNumbers.isValidCreditCode("91350100M000100Y44")).isFalse();
        assertThat(IdNumbers.isValidCreditCode("91140100MA0K3R2AXG")).isFalse();
    }

    @Test
    void rejectsAWrongOrganisationCodeCheckEvenWhenTheLastCharacterFits() {
        // organisation check 5 instead of 4, with the code check recomputed: sum 1668 -> 6
        assertThat(IdNumbers.isValidCreditCode("91350100M000100Y56")).isFalse();
    }

    @Test
    void rejectsForbiddenLettersAndLowerCase() {
        for (char forbidden : "IOZSV".toCharArray()) {
            assertThat(IdNumbers.isValidCreditCode("91350100M000100" + forbidden + "43")).isFalse();
        }
        assertThat(IdNumbers.isValidCreditCode("91350100m000100y43")).isFalse();
    }

    @Test
    void rejectsCreditCodesOfTheWrongShape() {
        assertThat(IdNumbers.isValidCreditCode(null)).isFalse();
        assertThat(IdNumbers.isValidCreditCode("91350100M000100Y4")).isFalse();
        assertThat(IdNumbers.isValidCreditCode("91350100M000100Y433")).isFalse();
        // authority code B does not exist (check recomputed: sum 1642 -> 1)
        assertThat(IdNumbers.isValidCreditCode("B1350100M000100Y41")).isFalse();
        // a letter in the region code (check recomputed: sum 1800 -> X)
        assertThat(IdNumbers.isValidCreditCode("913501A0M000100Y4X")).isFalse();
    }
}
