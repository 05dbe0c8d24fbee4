package org.lianban.common;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Check-digit validation of the two applicant identifiers: 居民身份证号码 (GB 11643-1999) and
 * 统一社会信用代码 (GB 32100-2015). Structure and check characters only; whether the number was ever issued
 * cannot be known offline.
 */
public final class IdNumbers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    /** GB 32100 character set: digits and upper-case letters without I, O, Z, S, V. */
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** 登记管理部门码: 1-9 and A (中央军委改革和编制办公室), N (农业), Y (其他). */
    private static final String USCC_AUTHORITIES = "123456789ANY";
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private IdNumbers() {}

    /**
     * An 18-character resident ID number: 6-digit region code (not starting with 0), a real birth date
     * {@code yyyyMMdd} from 1900 on, a 3-digit sequence number and the ISO 7064 MOD 11-2 check character
     * ({@code X} or {@code x} for 10).
     */
    public static boolean isValidResidentId(String id) {
        if (id == null || id.length() != 18 || id.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return false;
            }
        }
        if (birthDate(id) == null) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK.charAt(sum % 11);
    }

    /** As {@link #isValidResidentId(String)}, and the birth date is not after {@code today}. */
    public static boolean isValidResidentId(String id, LocalDate today) {
        return isValidResidentId(id) && !birthDate(id).isAfter(today);
    }

    private static LocalDate birthDate(String id) {
        int year = Integer.parseInt(id, 6, 10, 10);
        if (year < 1900) {
            return null;
        }
        try {
            return LocalDate.of(year, Integer.parseInt(id, 10, 12, 10), Integer.parseInt(id, 12, 14, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * An 18-character unified social credit code: registration-authority code ({@code 1-9, A, N, Y}), an
     * organisation-category character, a 6-digit region code, the 9-character organisation code whose last
     * character is its own GB 11714 check character, and the GB 32100 check character
     * (weights 3^i mod 31, C18 = 31 - (sum mod 31), 31 becomes 0). Letters must be upper case.
     */
    public static boolean isValidCreditCode(String code) {
        if (code == null || code.length() != 18 || USCC_AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = USCC_ALPHABET.indexOf(code.charAt(i));
            if (value < 0 || (i >= 2 && i < 8 && value > 9)) {
                return false;
            }
            sum += value * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == USCC_ALPHABET.charAt(check) && isValidOrganizationCode(code.substring(8, 17));
    }

    /**
     * GB 11714 组织机构代码: 8 body characters (digits, upper-case letters A=10 ... Z=35) and a check character,
     * C9 = 11 - (sum of value x weight mod 11) with weights 3 7 9 10 5 8 4 2; 10 is written X and 11 is 0.
     */
    private static boolean isValidOrganizationCode(String org) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(org.charAt(i), 36) * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        char expected = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        return org.charAt(8) == expected;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
