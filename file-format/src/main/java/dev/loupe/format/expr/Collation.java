package dev.loupe.format.expr;

import java.util.Locale;

/** SQLite's built-in collating sequences (datatype3 §7). Text compares by code point, which is UTF-8 byte order. */
enum Collation {
    BINARY, NOCASE, RTRIM;

    /** The collation named {@code name} (case-insensitive), or null when SQLite has no such built-in one. */
    static Collation named(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "BINARY" -> BINARY;
            case "NOCASE" -> NOCASE;
            case "RTRIM" -> RTRIM;
            default -> null;
        };
    }

    int compare(String a, String b) {
        return switch (this) {
            case BINARY -> codePoints(a, b, false);
            case NOCASE -> codePoints(a, b, true);
            case RTRIM -> codePoints(stripTrailingSpaces(a), stripTrailingSpaces(b), false);
        };
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Code point order; NOCASE folds ASCII letters only (sqlite3StrICmp). */
    private static int codePoints(String a, String b, boolean nocase) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (nocase) {
                ca = ca >= 'A' && ca <= 'Z' ? ca + 32 : ca;
                cb = cb >= 'A' && cb <= 'Z' ? cb + 32 : cb;
            }
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
