package dev.loupe.format.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Reads the DEFAULT clause of a column definition (parse.y ccons DEFAULT): a literal, a signed literal, a bare
 * identifier (taken as a string, TRUE/FALSE as 1/0), or an expression in parentheses.
 */
final class DefaultClause {

    private DefaultClause() {
    }

    /** Parses what follows DEFAULT; the cursor is just after the DEFAULT keyword. */
    static DefaultValue parse(TokenCursor c) {
        Token first = c.peek();
        if (first.isOperator("(")) {
            int inside = c.skipParenthesised();
            int close = c.position() - 1;
            String text = trimmedSpan(c, c.token(inside - 1).end(), c.token(close).start());
            return evaluate(c, inside, close, text, false);
        }
        if (first.isOperator("+") || first.isOperator("-")) {
            c.next();
            Token term = c.next();
            if (!isTerm(term)) {
                c.problem("expected a literal after DEFAULT " + first.text() + ", found " + TokenCursor.describe(term));
                return new DefaultValue(first.text(), null, false);
            }
            String text = c.sql().substring(first.start(), term.end());
            return evaluate(c, c.position() - 2, c.position(), text, false);
        }
        if (isTerm(first) || first.isIdentifierLike()) {
            c.next();
            return evaluate(c, c.position() - 1, c.position(), first.text(), !isTerm(first));
        }
        c.problem("expected a value after DEFAULT, found " + TokenCursor.describe(first));
        return new DefaultValue("", null, false);
    }

    /** term in parse.y: NULL, a number, a string, a blob or CURRENT_TIME/DATE/TIMESTAMP. */
    private static boolean isTerm(Token t) {
        return switch (t.kind()) {
            case INTEGER, FLOAT, STRING, BLOB -> true;
            case WORD -> t.isKeyword("NULL") || isCurrentTime(t);
            default -> false;
        };
    }

    private static boolean isCurrentTime(Token t) {
        return t.isKeyword("CURRENT_TIME") || t.isKeyword("CURRENT_DATE") || t.isKeyword("CURRENT_TIMESTAMP");
    }

    /** sqlite3DbSpanDup: the source text between two offsets without surrounding whitespace. */
    static String trimmedSpan(TokenCursor c, int from, int to) {
        String sql = c.sql();
        to = Math.max(from, Math.min(to, sql.length()));
        while (from < to && SqlTokenizer.isSpace(sql.charAt(from))) {
            from++;
        }
        while (to > from && SqlTokenizer.isSpace(sql.charAt(to - 1))) {
            to--;
        }
        return sql.substring(from, to);
    }

    /**
     * The value of tokens {@code [s, e)}: parentheses and unary signs around one literal are applied; anything
     * else is an expression left unevaluated (constant false). {@code bareId} is the DEFAULT id form, where a word
     * is a string; elsewhere a word is a column reference (TRUE and FALSE excepted).
     */
    private static DefaultValue evaluate(TokenCursor c, int s, int e, String text, boolean bareId) {
        int negations = 0;
        while (e > s) {
            Token t = c.token(s);
            if (t.isOperator("(") && c.matchingClose(s) == e - 1) {
                s++;
                e--;
            } else if (t.isOperator("+")) {
                s++;
            } else if (t.isOperator("-")) {
                negations++;
                s++;
            } else {
                break;
            }
        }
        if (e - s != 1) {
            return new DefaultValue(text, null, false);
        }
        Token t = c.token(s);
        Object value;
        switch (t.kind()) {
            case INTEGER -> {
                Object literal = integer(t.text(), negations % 2 == 1, c);
                if (literal == null) {
                    return new DefaultValue(text, null, false);
                }
                return new DefaultValue(text, literal, true);
            }
            case FLOAT -> value = Double.parseDouble(t.text().replace("_", ""));
            case STRING -> value = t.value();
            case BLOB -> value = HexFormat.of().parseHex(t.text(), 2, t.text().length() - 1);
            case WORD -> {
                if (t.isKeyword("NULL")) {
                    value = null;
                } else if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
                    value = t.isKeyword("TRUE") ? 1L : 0L;
                } else if (bareId) {
                    value = t.text();
                } else {
                    return new DefaultValue(text, null, false);
                }
            }
            case QUOTED_IDENTIFIER -> {
                if (!bareId) {
                    return new DefaultValue(text, null, false);
                }
                value = t.value();
            }
            default -> {
                return new DefaultValue(text, null, false);
            }
        }
        for (int i = 0; i < negations && value != null; i++) {
            value = negate(value);
            if (value == null) {
                return new DefaultValue(text, null, false);
            }
        }
        return new DefaultValue(text, value, true);
    }

    /**
     * An integer literal's value, negated if asked (so that -9223372036854775808 stays an integer): a Long when it
     * fits, else a Double for decimals; hex literals are 64-bit two's complement and may have at most 16
     * significant digits (null, with a problem, otherwise).
     */
    private static Object integer(String text, boolean negate, TokenCursor c) {
        String digits = text.replace("_", "");
        BigInteger v;
        if (digits.length() > 2 && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
            String hex = digits.substring(2).replaceFirst("^0+", "");
            if (hex.length() > 16) {
                c.problem("hex literal too big: " + text);
                return null;
            }
            long bits = hex.isEmpty() ? 0 : Long.parseUnsignedLong(hex, 16);
            v = BigInteger.valueOf(bits);
        } else {
            v = new BigInteger(digits);
        }
        if (negate) {
            v = v.negate();
        }
        return v.bitLength() < 64 ? (Object) v.longValue() : new BigDecimal(v).doubleValue();
    }

    /** Unary minus as SQLite evaluates it: text and blobs are read as numbers first ('12abc' is 12). */
    private static Object negate(Object v) {
        if (v instanceof String s) {
            v = NumericText.prefixValue(s);
        } else if (v instanceof byte[]) {
            return null;
        }
        if (v instanceof Long l) {
            return l == Long.MIN_VALUE ? (Object) 9.223372036854775808E18 : (Object) (-l);
        }
        return -(Double) v;
    }
}
