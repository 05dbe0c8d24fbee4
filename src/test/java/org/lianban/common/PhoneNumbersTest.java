package org.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void acceptsMainlandMobilesWithOrWithoutCountryCodeAndSeparators() {
        assertThat(PhoneNumbers.isMainlandMobile("13812341234")).isTrue();
        assertThat(PhoneNumbers.isMainlandMobile("19912341234")).isTrue();
        assertThat(PhoneNumbers.isMainlandMobile("+86 138 1234 1234")).isTrue();
        assertThat(PhoneNumbers.isMainlandMobile("86-138-1234-1234")).isTrue();
        assertThat(PhoneNumbers.isMainlandMobile("0086 13812341234")).isTrue();
    }

    @Test
    void rejectsOtherNumbers() {
        assertThat(PhoneNumbers.isMainlandMobile(null)).isFalse();
        assertThat(PhoneNumbers.isMainlandMobile("12812341234")).isFalse(); // 12x is not a mobile prefix
        assertThat(PhoneNumbers.isMainlandMobile("1381234123")).isFalse();
        assertThat(PhoneNumbers.isMainlandMobile("138123412345")).isFalse();
        assertThat(PhoneNumbers.isMainlandMobile("0351-1234567")).isFalse(); // landline
        assertThat(PhoneNumbers.isMainlandMobile("1381234123a")).isFalse();
        assertThat(PhoneNumbers.isMainlandMobile("+1 13812341234")).isFalse();
    }

    @Test
    void normalizeRemovesSeparatorsAndCountryCode() {
        assertThat(PhoneNumbers.normalize(" +86 138-1234-1234 ")).isEqualTo("13812341234");
        assertThat(PhoneNumbers.normalize("0351-1234567")).isEqualTo("03511234567");
    }

    @Test
    void maskHidesTheMiddleFourDigits() {
        assertThat(PhoneNumbers.mask("13812341234")).isEqualTo("138****1234");
        assertThat(PhoneNumbers.mask("+86 138 1234 1234")).isEqualTo("138****1234");
    }

    @Test
    void maskHidesAllButTwoCharactersOfAnythingElse() {
        assertThat(PhoneNumbers.mask("0351-1234567")).isEqualTo("****67");
        assertThat(PhoneNumbers.mask("123")).isEqualTo("****");
        assertThat(PhoneNumbers.mask(null)).isEmpty();
    }
}
