package dev.loupe.repro.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts SQL text into statements. Follows the rules of SQLite's sqlite3_complete() (complete.c): a semicolon ends a
 * statement unless it is inside a '...' string, a "...", `...` or [...] identifier, a -- or C-style comment, or the
 * body of a CREATE [TEMP|TEMPORARY] TRIGGER, which ends only at a semicolon that follows "; END" (so that a CASE
 * ... END inside the body does not end it). An EXPLAIN before CREATE TRIGGER counts as sqlite3_complete counts it.
 */
final class SqlSplitter {

    private enum Word { OTHER, EXPLAIN, CREATE, TEMP, TRIGGER, END }

    private final String text;
    private final List<Statement> out = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineScanned;

    private SqlSplitter(String text) {
        this.text = text;
    }

    static List<Statement> split(String text) {
        SqlSplitter s = new SqlSplitter(text);
        s.run();
        return s.out;
    }

    private void run() {
        int start = -1;          // offset of the first token of the current statement, -1 before it
        int lastEnd = 0;         // offset just after its last token (trailing comments are not part of it)
        boolean trigger = false; // inside a CREATE TRIGGER statement
        int prefix = 0;          // 0 start, 1 after EXPLAIN..., 2 after CREATE, 3 after TEMP (trigger detection)
        boolean afterSemi = false; // in a trigger: the previous token was ';'
        boolean afterSemiEnd = false; // in a trigger: the previous tokens were '; END'
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            if (c == '-' && pos + 1 < n && text.charAt(pos + 1) == '-') {
                int nl = text.indexOf('\n', pos);
                pos = nl < 0 ? n : nl + 1;
                continue;
            }
            if (c == '/' && pos + 1 < n && text.charAt(pos + 1) == '*') {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? n : end + 2;
                continue;
            }
            if (c == ';') {
                if (start < 0) {
                    pos++;
                    continue;
                }
                if (trigger && !afterSemiEnd) {
                    afterSemi = true;
                    afterSemiEnd = false;
                    pos++;
                    continue;
                }
                emit(start, lastEnd);
                pos++;
                start = -1;
                trigger = false;
                prefix = 0;
                afterSemi = false;
                afterSemiEnd = false;
                continue;
            }
            int tokenStart = pos;
            Word word = token();
            lastEnd = pos;
            if (start < 0) {
                start = tokenStart;
            }
            if (trigger) {
                afterSemiEnd = afterSemi && word == Word.END;
                afterSemi = false;
                continue;
            }
            switch (prefix) {
                case 0 -> prefix = word == Word.EXPLAIN ? 1 : word == Word.CREATE ? 2 : -1;
                case 1 -> prefix = word == Word.CREATE ? 2 : 1;
                case 2, 3 -> {
                    if (word == Word.TRIGGER) {
                        trigger = true;
                    }
                    prefix = word == Word.TEMP && prefix == 2 ? 3 : -1;
                }
                default -> {
                }
            }
        }
        if (start >= 0) {
            emit(start, lastEnd);
        }
    }

    /** Consumes one token at pos (not whitespace, comment or ';') and says which keyword it is, if any. */
    private Word token() {
        int n = text.length();
        char c = text.charAt(pos);
        switch (c) {
            case '\'', '"', '`' -> {
                pos = closeQuote(pos, c);
                return Word.OTHER;
            }
            case '[' -> {
                int end = text.indexOf(']', pos + 1);
                pos = end < 0 ? n : end + 1;
                return Word.OTHER;
            }
            default -> {
            }
        }
        if (isIdChar(c)) {
            int s = pos;
            while (pos < n && isIdChar(text.charAt(pos))) {
                pos++;
            }
            return keyword(text.substring(s, pos));
        }
        pos++;
        return Word.OTHER;
    }

    /** The offset after the quote that closes the one at {@code open}; a doubled quote is an escaped quote. */
    private int closeQuote(int open, char q) {
        int n = text.length();
        int i = open + 1;
        while (i < n) {
            if (text.charAt(i) == q) {
                if (i + 1 < n && text.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private static Word keyword(String w) {
        return switch (w.toUpperCase(Locale.ROOT)) {
            case "EXPLAIN" -> Word.EXPLAIN;
            case "CREATE" -> Word.CREATE;
            case "TEMP", "TEMPORARY" -> Word.TEMP;
            case "TRIGGER" -> Word.TRIGGER;
            case "END" -> Word.END;
            default -> Word.OTHER;
        };
    }

    private void emit(int start, int end) {
        String sql = text.substring(start, end).strip();
        out.add(new Statement(out.size(), sql, start, lineOf(start)));
    }

    private int lineOf(int offset) {
        for (; lineScanned < offset; lineScanned++) {
            if (text.charAt(lineScanned) == '\n') {
                line++;
            }
        }
        return line;
    }
}
