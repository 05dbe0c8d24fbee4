package org.lianban.common;

/** Administrative level (层级) of a region and of the officials working there. */
public enum Level {
    PROVINCE, CITY, COUNTY;

    /** Lower-case form used in reference data files ("province", "city", "county"). */
    public static Level parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
