package dev.loupe.check;

import java.util.Locale;

/** How bad a finding is. ERROR: the file is damaged (SQLite may fail or return wrong data). WARNING: legal but
 * suspicious, or damage SQLite tolerates. INFO: a fact worth knowing, or something that could not be checked. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Lower case, as in JSON and on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True if this severity is at least as bad as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String s) {
        for (Severity v : values()) {
            if (v.code().equalsIgnoreCase(s)) {
                return v;
            }
        }
        return null;
    }
}
