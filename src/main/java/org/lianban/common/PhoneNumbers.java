package org.lianban.common;

import java.util.regex.Pattern;

/** Mainland China mobile numbers (11 digits, 1[3-9]...), as applicants type them. */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");

    private PhoneNumbers() {}

    /**
     * Removes spaces and hyphens and a leading {@code +86}, {@code 0086} or {@code 86} country code in front of
     * an 11-digit number. Returns the input cleaned this way (possibly still not a mobile number); null stays null.
     */
    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        String s = SEPARATORS.matcher(phone.strip()).replaceAll("");
        for (String prefix : new String[] {"+86", "0086", "86"}) {
            if (s.startsWith(prefix) && s.length() == prefix.length() + 11) {
                return s.substring(prefix.length());
            }
        }
        return s;
    }

    /** True for a mainland mobile number after {@link #normalize(String)}. */
    public static boolean isMainlandMobile(String phone) {
        String s = normalize(phone);
        return s != null && MOBILE.matcher(s).matches();
    }

    /**
     * {@code 13812341234} becomes {@code 138****1234}, for pages and logs. Anything that is not a mainland mobile
     * number keeps only its last two characters ({@code ****34}); null or blank gives an empty string.
     */
    public static String mask(String phone) {
        String s = normalize(phone);
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (MOBILE.matcher(s).matches()) {
            return s.substring(0, 3) + "****" + s.substring(7);
        }
        return "****" + (s.length() > 4 ? s.substring(s.length() - 2) : "");
    }
}
