package dev.loupe.format.schema;

/**
 * SQLite folds case for ASCII letters only (sqlite3UpperToLower, sqlite3StrICmp): keywords, type names and
 * object names compare equal when they differ in ASCII case, never for other letters. Java's own case folding
 * would also fold letters such as U+0131, so names and keywords go through here.
 */
final class AsciiCase {

    private AsciiCase() {
    }

    static String upper(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'a' && c[i] <= 'z') {
                c[i] -= 'a' - 'A';
            }
        }
        return new String(c);
    }

    static boolean equalsIgnoreCase(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return a == b;
        }
        for (int i = 0; i < a.length(); i++) {
            if (fold(a.charAt(i)) != fold(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
