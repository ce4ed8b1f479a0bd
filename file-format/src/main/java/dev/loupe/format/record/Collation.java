package dev.loupe.format.record;

import dev.loupe.format.header.TextEncoding;

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

    /**
     * Compares two texts as SQLite would in a database of {@code encoding}, without encoding them: memcmp of UTF-8
     * bytes is code point order, of UTF-16be bytes is UTF-16 code unit order, of UTF-16le bytes is code unit order
     * with each unit's bytes swapped.
     */
    public int compare(String a, String b, TextEncoding encoding) {
        return switch (this) {
            case BINARY -> switch (encoding) {
                case UTF8 -> codePoints(a, a.length(), b, b.length(), false);
                case UTF16BE -> Integer.signum(a.compareTo(b));
                case UTF16LE -> littleEndianUnits(a, b);
            };
            case NOCASE -> codePoints(a, a.length(), b, b.length(), true);
            case RTRIM -> codePoints(a, withoutTrailingSpaces(a), b, withoutTrailingSpaces(b), false);
        };
    }

    /** Code point order over a[0..na) and b[0..nb), the shorter first on a tie; NOCASE folds ASCII only. */
    private static int codePoints(String a, int na, String b, int nb, boolean nocase) {
        int i = 0;
        int j = 0;
        while (i < na && j < nb) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (nocase) {
                ca = ca >= 'A' && ca <= 'Z' ? ca + 32 : ca;
                cb = cb >= 'A' && cb <= 'Z' ? cb + 32 : cb;
            }
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < na, j < nb);
    }

    /** memcmp of UTF-16le bytes: each code unit compared low byte first. */
    private static int littleEndianUnits(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                int kx = ((x & 0xff) << 8) | (x >>> 8);
                int ky = ((y & 0xff) << 8) | (y >>> 8);
                return kx < ky ? -1 : 1;
            }
        }
        return Integer.signum(Integer.compare(a.length(), b.length()));
    }

    private static int withoutTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }
}
