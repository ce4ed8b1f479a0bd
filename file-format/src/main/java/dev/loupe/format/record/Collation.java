package dev.loupe.format.record;

import dev.loupe.format.header.TextEncoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The built-in collating sequences (datatype3 §7.1), as index b-trees order their keys and expressions compare text. BINARY compares the
 * encoded bytes with memcmp in the database's own encoding (SQLite registers it for UTF-8, UTF-16le and UTF-16be);
 * NOCASE and RTRIM exist for UTF-8 only, so SQLite converts UTF-16 text to UTF-8 before applying them.
 */
public enum Collation {
    BINARY, NOCASE, RTRIM;

    /** The collation named {@code name} (any case); null for a collation SQLite does not build in. */
    public static Collation named(String name) {
        if (name == null) {
            return BINARY;
        }
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "BINARY" -> BINARY;
            case "NOCASE" -> NOCASE;
            case "RTRIM" -> RTRIM;
            default -> null;
        };
    }

    /** Compares two texts as SQLite would in a database of {@code encoding}. */
    public int compare(String a, String b, TextEncoding encoding) {
        return switch (this) {
            case BINARY -> memcmp(a.getBytes(encoding.charset()), b.getBytes(encoding.charset()));
            case NOCASE -> memcmp(foldAscii(utf8(a)), foldAscii(utf8(b)));
            case RTRIM -> memcmp(utf8(stripTrailingSpaces(a)), utf8(stripTrailingSpaces(b)));
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** sqlite3StrICmp folds ASCII upper case only. */
    private static byte[] foldAscii(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] >= 'A' && b[i] <= 'Z') {
                b[i] += 32;
            }
        }
        return b;
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** memcmp over the common length, then the shorter first (binCollFunc). */
    private static int memcmp(byte[] a, byte[] b) {
        return Integer.signum(Arrays.compareUnsigned(a, b));
    }
}
