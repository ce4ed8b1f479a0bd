package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens by SQLite's lexical rules (tokenize.c): whitespace and comments ({@code --} to end
 * of line, C-style block comments, an unterminated one running to the end) separate tokens and are dropped; identifiers
 * may be quoted with "", [] or ``; strings use '' for a quote; x'..' is a blob; numbers include 0x hex, .5, 1e5
 * and _ digit separators. Never throws: what SQLite would reject becomes an {@link TokenKind#ILLEGAL} token.
 */
public final class SqlTokenizer {

    private SqlTokenizer() {
    }

    /** All tokens of {@code sql} in order. Linear in the length of the text. */
    public static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            int start = i;
            char c = sql.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                i = quoted(sql, i, c);
                TokenKind kind = i < 0 ? TokenKind.ILLEGAL : c == '\'' ? TokenKind.STRING : TokenKind.QUOTED_IDENTIFIER;
                i = i < 0 ? n : i;
                out.add(new Token(kind, sql.substring(start, i), start, i));
            } else if (c == '[') {
                int close = sql.indexOf(']', i + 1);
                i = close < 0 ? n : close + 1;
                out.add(new Token(close < 0 ? TokenKind.ILLEGAL : TokenKind.QUOTED_IDENTIFIER,
                        sql.substring(start, i), start, i));
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                i = blob(sql, start, out);
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1)))) {
                i = number(sql, start, out);
            } else if (isIdStart(c)) {
                while (i < n && isIdChar(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(TokenKind.WORD, sql.substring(start, i), start, i));
            } else if (c == '?' || c == ':' || c == '@' || c == '$' || c == '#') {
                i++;
                while (i < n && isIdChar(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(TokenKind.VARIABLE, sql.substring(start, i), start, i));
            } else {
                int len = operatorLength(sql, i);
                i += Math.max(len, 1);
                out.add(new Token(len == 0 ? TokenKind.ILLEGAL : TokenKind.OPERATOR, sql.substring(start, i), start, i));
            }
        }
        return out;
    }

    /** End (exclusive) of the quoted text starting at {@code i}, or -1 if the quote is never closed. */
    private static int quoted(String sql, int i, char q) {
        int j = i + 1;
        while (j < sql.length()) {
            if (sql.charAt(j) == q) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == q) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    private static int blob(String sql, int start, List<Token> out) {
        int j = start + 2;
        boolean hex = true;
        while (j < sql.length() && sql.charAt(j) != '\'') {
            hex &= Character.digit(sql.charAt(j), 16) >= 0 && sql.charAt(j) < 0x80;
            j++;
        }
        boolean closed = j < sql.length();
        int end = closed ? j + 1 : j;
        boolean ok = closed && hex && (j - start - 2) % 2 == 0;
        out.add(new Token(ok ? TokenKind.BLOB : TokenKind.ILLEGAL, sql.substring(start, end), start, end));
        return end;
    }

    private static int number(String sql, int start, List<Token> out) {
        int n = sql.length();
        int i = start;
        TokenKind kind = TokenKind.INTEGER;
        boolean bad = false;
        if (sql.charAt(i) == '0' && i + 2 < n && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')
                && Character.digit(sql.charAt(i + 2), 16) >= 0) {
            i += 2;
            i = digits(sql, i, true);
        } else {
            i = digits(sql, i, false);
            if (i < n && sql.charAt(i) == '.') {
                kind = TokenKind.FLOAT;
                i = digits(sql, i + 1, false);
            }
            if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
                int j = i + 1;
                if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                    j++;
                }
                if (j < n && isDigit(sql.charAt(j))) {
                    kind = TokenKind.FLOAT;
                    i = digits(sql, j, false);
                } else {
                    bad = true;
                }
            }
        }
        // 12abc, 1e, 0x12g: the tokenizer swallows the identifier characters and calls the lot illegal.
        while (i < n && isIdChar(sql.charAt(i))) {
            bad = true;
            i++;
        }
        out.add(new Token(bad ? TokenKind.ILLEGAL : kind, sql.substring(start, i), start, i));
        return i;
    }

    /** Skips digits (hex digits if {@code hex}) with single _ separators between digits (SQLite 3.46+). */
    private static int digits(String sql, int i, boolean hex) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (hex ? Character.digit(c, 16) >= 0 && c < 0x80 : isDigit(c)) {
                i++;
            } else if (c == '_' && i > 0 && i + 1 < n && isDigitOf(sql.charAt(i - 1), hex)
                    && isDigitOf(sql.charAt(i + 1), hex)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isDigitOf(char c, boolean hex) {
        return hex ? c < 0x80 && Character.digit(c, 16) >= 0 : isDigit(c);
    }

    private static int operatorLength(String sql, int i) {
        String two = i + 2 <= sql.length() ? sql.substring(i, i + 2) : "";
        if (sql.startsWith("->>", i)) {
            return 3;
        }
        switch (two) {
            case "||", "->", "<=", ">=", "<>", "!=", "==", "<<", ">>":
                return 2;
            default:
                break;
        }
        return "(),;.+-*/%=<>&|~".indexOf(sql.charAt(i)) >= 0 ? 1 : 0;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0b;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdChar(char c) {
        return isIdStart(c) || isDigit(c) || c == '$';
    }
}
