package dev.loupe.format.expr;

import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.Value;

import java.math.BigInteger;

/**
 * Text read as a number the way SQLite's util.c does it (sqlite3AtoF, sqlite3Atoi64): leading whitespace, an
 * optional sign, digits with an optional fraction and exponent ({@code [+-]digits[.digits][E[+-]digits]} or
 * {@code [+-].digits...}). Hex and digit separators are not numbers in text.
 */
final class SqlNumbers {

    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private SqlNumbers() {
    }

    /** What a scan of text found: the numeric prefix (after leading whitespace), whether it is all of the text. */
    record Scan(String prefix, boolean integral, boolean pure) {
        boolean empty() {
            return prefix.isEmpty();
        }

        double real() {
            return empty() ? 0.0 : Double.parseDouble(prefix);
        }

        /** The prefix as a 64-bit integer, or null if it is not integral or does not fit. */
        Long exactInteger() {
            if (!integral || empty()) {
                return integral ? 0L : null;
            }
            BigInteger v = new BigInteger(prefix.startsWith("+") ? prefix.substring(1) : prefix);
            return v.compareTo(MIN) >= 0 && v.compareTo(MAX) <= 0 ? v.longValue() : null;
        }
    }

    static Scan scan(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        boolean integral = true;
        if (i < n && s.charAt(i) == '.') {
            int j = i + 1;
            int fraction = 0;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
                fraction++;
            }
            if (digits + fraction > 0) {
                i = j;
                digits += fraction;
                integral = false;
            }
        }
        if (digits == 0) {
            return new Scan("", true, false);
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isDigit(s.charAt(j))) {
                while (j < n && isDigit(s.charAt(j))) {
                    j++;
                }
                i = j;
                integral = false;
            }
        }
        String prefix = s.substring(start, i);
        int end = i;
        while (end < n && isSpace(s.charAt(end))) {
            end++;
        }
        return new Scan(prefix, integral, end == n);
    }

    /**
     * The number arithmetic reads from text (vdbe.c computeNumericType): the numeric prefix as an integer when it
     * is written as one and fits, else as a real; text without a numeric prefix is integer 0.
     */
    static Value arithmeticValue(String s) {
        Scan scan = scan(s);
        Long l = scan.exactInteger();
        return l != null ? IntegerValue.of(l) : new RealValue(scan.real());
    }

    /**
     * NUMERIC affinity as a comparison applies it (vdbe.c applyNumericAffinity without the integer try): text that
     * is entirely a number becomes an integer (when written as one that fits) or a real; other text is unchanged.
     */
    static Value numericIfPure(String s) {
        Scan scan = scan(s);
        if (!scan.pure() || scan.empty()) {
            return null;
        }
        Long l = scan.exactInteger();
        return l != null ? IntegerValue.of(l) : new RealValue(scan.real());
    }

    /** sqlite3Atoi64 on text: the integer prefix, clamped to the 64-bit range; 0 when there is none. */
    static long integerPrefix(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digitsStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digitsStart) {
            return 0;
        }
        String t = s.substring(start, i);
        BigInteger v = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
        return v.compareTo(MIN) < 0 ? Long.MIN_VALUE : v.compareTo(MAX) > 0 ? Long.MAX_VALUE : v.longValue();
    }

    /** sqlite3RealToI64 / doubleToInt64: truncation toward zero, clamped; NaN is 0. */
    static long realToInteger(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        return (long) d;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0b;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
