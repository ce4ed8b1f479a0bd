package dev.loupe.format.schema;

import java.math.BigInteger;

/**
 * Reading text as a number the way SQLite's affinity does (util.c sqlite3AtoF / sqlite3Atoi64 over the whole
 * text): optional surrounding whitespace, an optional sign, digits with an optional fraction and exponent. Hex,
 * digit separators, "inf" and "nan" are not numbers here.
 */
final class NumericText {

    private NumericText() {
    }

    /**
     * The number the whole of {@code s} spells: a Long when it is written as an integer that fits in 64 bits, a
     * Double otherwise; null when {@code s} is not entirely a number.
     */
    static Object parse(String s) {
        int end = s.length();
        int i = 0;
        while (i < end && SqlTokenizer.isSpace(s.charAt(i))) {
            i++;
        }
        while (end > i && SqlTokenizer.isSpace(s.charAt(end - 1))) {
            end--;
        }
        int len = prefixLength(s, i, end);
        if (len == 0 || i + len != end) {
            return null;
        }
        return valueOf(s.substring(i, end));
    }

    /**
     * The value of the longest numeric prefix of {@code s} after leading whitespace, as SQLite's arithmetic reads
     * text ('12abc' is 12, 'abc' is 0): a Long when the prefix is an integer that fits, else a Double.
     */
    static Object prefixValue(String s) {
        int i = 0;
        while (i < s.length() && SqlTokenizer.isSpace(s.charAt(i))) {
            i++;
        }
        int len = prefixLength(s, i, s.length());
        return len == 0 ? (Object) 0L : valueOf(s.substring(i, i + len));
    }

    private static Object valueOf(String number) {
        boolean integral = number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
        if (integral) {
            BigInteger v = new BigInteger(number.startsWith("+") ? number.substring(1) : number);
            if (v.bitLength() < 64) {
                return v.longValue();
            }
        }
        return Double.parseDouble(number);
    }

    /** Length of the number starting at {@code i} (sign, digits, fraction, exponent), 0 if there is none. */
    private static int prefixLength(String s, int start, int end) {
        int i = start;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < end && s.charAt(i) == '.') {
            int j = i + 1;
            int fraction = 0;
            while (j < end && isDigit(s.charAt(j))) {
                j++;
                fraction++;
            }
            if (digits + fraction > 0) {
                i = j;
                digits += fraction;
            }
        }
        if (digits == 0) {
            return 0;
        }
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < end && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < end && isDigit(s.charAt(j))) {
                while (j < end && isDigit(s.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        return i - start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
