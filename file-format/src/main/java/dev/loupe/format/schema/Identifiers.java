package dev.loupe.format.schema;

/** SQLite's rules for quoted names (util.c sqlite3Dequote, sqlite3DequoteToken). */
final class Identifiers {

    private Identifiers() {
    }

    static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '[' || c == '`';
    }

    /**
     * sqlite3Dequote: if the text starts with a quote character, the characters up to the matching close quote
     * with doubled quotes collapsed; otherwise the text unchanged. Text after the close quote is dropped, as
     * SQLite drops it.
     */
    static String dequote(String s) {
        if (s == null || s.isEmpty() || !isQuote(s.charAt(0))) {
            return s;
        }
        char close = s.charAt(0) == '[' ? ']' : s.charAt(0);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == close) {
                if (i + 1 < s.length() && s.charAt(i + 1) == close) {
                    b.append(close);
                    i++;
                } else {
                    break;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * sqlite3DequoteToken: strips the outer quotes only when no quote character appears inside; otherwise the
     * text is returned unchanged.
     */
    static String dequoteToken(String s) {
        if (s.length() < 2 || !isQuote(s.charAt(0))) {
            return s;
        }
        for (int i = 1; i < s.length() - 1; i++) {
            if (isQuote(s.charAt(i))) {
                return s;
            }
        }
        return s.substring(1, s.length() - 1);
    }
}
