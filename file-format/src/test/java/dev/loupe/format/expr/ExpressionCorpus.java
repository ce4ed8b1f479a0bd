package dev.loupe.format.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Expressions for the differential test: hand-written edge cases plus seeded random nesting over the columns of
 * {@link SqliteRows#TABLE}.
 */
final class ExpressionCorpus {

    private static final String[] COLUMNS = {"i", "r", "t", "b", "n", "c", "x"};
    private static final String[] LITERALS = {
        "0", "1", "-1", "7", "3", "9223372036854775807", "-9223372036854775808", "4611686018427387904", "0x7fffffffffffffff",
        "1.5", "-2.25", "0.1", "1e308", "3.0", "1e-7", "123456789.125", "NULL", "'12abc'", "' 7 '", "'abc'", "''",
        "'Hello'", "'1e3'", "'0x10'", "' -3.5 '", "'ABC'", "'a%c'", "'%b%'", "x'3132'", "x'c3a9'", "x''", "'é'",
        "TRUE", "FALSE", "2", "10", "-3"};
    private static final String[] BINARY = {
        "+", "-", "*", "/", "%", "||", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "IS", "IS NOT", "AND", "OR", "&", "|",
        "<<", ">>", "IS DISTINCT FROM", "IS NOT DISTINCT FROM"};
    private static final String[] FUNCTIONS1 = {
        "lower", "upper", "length", "abs", "typeof", "trim", "ltrim", "rtrim", "hex", "round", "unicode", "quote",
        "sign", "likely", "concat"};
    private static final String[] FUNCTIONS2 = {
        "substr", "coalesce", "ifnull", "nullif", "iif", "trim", "ltrim", "rtrim", "instr", "round", "min", "max",
        "concat", "concat_ws", "char"};
    private static final String[] FUNCTIONS3 = {"substr", "replace", "iif", "coalesce", "min", "max", "concat_ws", "substring"};

    private ExpressionCorpus() {
    }

    static List<String> handWritten() {
        return List.of(
                "1 + 2 * 3", "(1 + 2) * 3", "7 / 2", "-7 / 2", "7 % -3", "-7 % 3", "7 / 0", "7 % 0", "7.0 / 0",
                "9223372036854775807 + 1", "-9223372036854775808 - 1", "9223372036854775807 * 2", "-9223372036854775808 / -1",
                "-9223372036854775808 % -1", "- -9223372036854775808", "-(9223372036854775808)", "9223372036854775808",
                "0x10 + 1", "0xffffffffffffffff", "1_000 + 1", "'12abc' + 1", "'abc' + 1", "' 7 ' + 1", "'1e3' + 0",
                "'1.5x' * 2", "'-' + 0", "'.5' + 0", "'5.' + 0", "x'3132' + 1", "'9223372036854775808' + 0",
                "'99999999999999999999abc' + 0", "1 || 2", "1.5 || 'x'", "1e20 || ''", "0.1 + 0.2", "1e308 * 10",
                "-1e308 * 10", "(1e308 * 10) - (1e308 * 10)", "i + r", "t || n", "'a' < 'b'", "1 < 'a'", "x'00' > 'z'",
                "NULL = NULL", "NULL IS NULL", "1 IS 1.0", "1 = 1.0", "NULL AND 0", "NULL AND 1", "NULL OR 1",
                "NULL OR 0", "NOT NULL", "NOT 0", "NOT 'abc'", "NOT '1abc'", "~5", "~'abc'", "1 << 63", "1 << 64",
                "-1 >> 70", "-8 >> 1", "8 << -1", "5 & 3", "5 | 3", "i = '1'", "t = 1", "n = '10'", "c = 'ABC'",
                "c = 'abc '", "x = '5'", "x = 5", "i < '5'", "r = '1.5'", "t > 5", "n < 'abc'", "CAST(i AS TEXT) = 1",
                "CAST('5' AS INTEGER) = '5'", "+i = '1'", "i IN (1, '1', 2)", "t IN (1, 'abc')", "NULL IN (1)",
                "1 IN (NULL, 1)", "2 IN (NULL, 1)", "2 NOT IN (NULL, 1)", "1 IN ()", "NULL IN ()", "c IN ('ABC', 'x')",
                "5 BETWEEN 1 AND 10", "5 NOT BETWEEN 1 AND 3", "NULL BETWEEN 1 AND 2", "1 BETWEEN NULL AND 0",
                "'abc' LIKE 'A%'", "'abc' LIKE 'a_c'", "'abc' NOT LIKE '%d'", "'a%c' LIKE 'a\\%c' ESCAPE '\\'",
                "'aXc' LIKE 'a\\%c' ESCAPE '\\'", "'é' LIKE 'É'", "'ABC' GLOB 'A*'", "'abc' GLOB 'A*'", "'abc' GLOB '[a-c]b?'",
                "'a]c' GLOB 'a[]]c'", "'abc' GLOB '[^x]*'", "'abc' GLOB '[abc'", "5 LIKE 5", "NULL LIKE 'a'",
                "CASE 1 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END", "CASE WHEN 0 THEN 1 WHEN NULL THEN 2 ELSE 3 END",
                "CASE NULL WHEN NULL THEN 1 ELSE 2 END", "CASE i WHEN '1' THEN 'yes' ELSE 'no' END",
                "CAST('12abc' AS INTEGER)", "CAST('1e3' AS INTEGER)", "CAST('12.9' AS INTEGER)", "CAST(1e30 AS INTEGER)",
                "CAST(-1e30 AS INTEGER)", "CAST('abc' AS REAL)", "CAST('1e3' AS NUMERIC)", "CAST('12.0' AS NUMERIC)",
                "CAST('12.5' AS NUMERIC)", "CAST('12abc' AS NUMERIC)", "CAST('9223372036854775808' AS NUMERIC)",
                "CAST(1.0 AS NUMERIC)", "CAST(3 AS REAL)", "CAST(3.25 AS TEXT)", "CAST(1e20 AS TEXT)", "CAST(x'3132' AS TEXT)",
                "CAST('abc' AS BLOB)", "CAST(12 AS BLOB)", "CAST(i AS VARCHAR(10))", "CAST(' 7 ' AS INTEGER)",
                "'abc' = 'ABC' COLLATE NOCASE", "'abc ' = 'abc' COLLATE RTRIM", "'abc' COLLATE NOCASE = 'ABC'",
                "c = 'ABC' COLLATE BINARY", "c COLLATE BINARY = 'ABC'", "lower('ABC é É')", "upper('abc é')",
                "length('héllo')", "length(x'0102')", "length(12.5)", "length(NULL)", "abs(-5)", "abs(-5.5)", "abs('-3x')",
                "abs(NULL)", "abs(-9223372036854775808)", "substr('hello', 2)", "substr('hello', 2, 2)", "substr('hello', -2)",
                "substr('hello', 0, 2)", "substr('hello', -10, 3)", "substr('hello', 3, -2)", "substr('hello', 0)",
                "substr(x'01020304', 2, 2)", "substr('héllo', 2, 1)", "substring('hello', 1, 1)", "substr(12345, 2, 3)",
                "coalesce(NULL, NULL, 3)", "ifnull(NULL, 'x')", "nullif(1, 1)", "nullif(1, 1.0)", "nullif('a', 'A')",
                "iif(1, 'a', 'b')", "iif(NULL, 'a', 'b')", "typeof(1)", "typeof(1.0)", "typeof('a')", "typeof(x'00')",
                "typeof(NULL)", "trim('  a  ')", "ltrim('xxaxx', 'x')", "rtrim('xxaxx', 'x')", "trim('abcba', 'ab')",
                "replace('hello', 'l', 'L')", "replace('hello', '', 'x')", "replace(123, 2, 9)", "instr('hello', 'l')",
                "instr('hello', 'z')", "instr('héllo', 'l')", "instr(x'010203', x'03')", "instr('abc', '')", "hex('abc')",
                "hex(12)", "hex(NULL)", "hex(1.5)", "round(2.5)", "round(-2.5)", "round(2.675, 2)", "round(1.005, 2)",
                "round(123.456, -1)", "round(1e20)", "round('3.7')", "round(NULL)", "round(5, NULL)", "min(1, 2, 0)",
                "max(1, 'a', x'00')", "max(1, NULL)", "min(1, 1.0)", "max(1, 1.0)", "max('a', 'B' COLLATE NOCASE)",
                "char(72, 105)", "char(-1)", "unicode('é')", "unicode('')", "quote('it''s')", "quote(x'0a')", "quote(1.5)",
                "quote(12)", "quote(NULL)", "sign(-3)", "sign(0.0)", "sign('5')", "sign('abc')", "sign(NULL)",
                "concat('a', NULL, 1)", "concat_ws('-', 'a', NULL, 2)", "concat_ws(NULL, 'a')", "1 = 1 = 1",
                "1 < 2 < 3", "NOT 1 = 2", "- 2 * 3", "1 + 2 || 3", "'a' || 'b' = 'ab'", "2 * 3 & 7", "1 | 2 = 3",
                "0 AND 1 OR 1", "1 OR 0 AND 0", "NOT 0 AND 0", "5 IS NOT NULL", "NULL ISNULL", "NULL NOTNULL",
                "5 NOT NULL", "1 IS TRUE", "TRUE + TRUE", "i * 2 + length(t)", "i + 1 > r", "t LIKE '%b%'",
                "b || ''", "n + 0", "c || '!'", "x * 2", "likely(3)", "unlikely('a')", "1 = 1 COLLATE NOCASE",
                "-'abc'", "-NULL", "-x'3132'", "+'abc'", "-'-5'", "- '9223372036854775808'", "-0.0",
                "1 - -9223372036854775808", "9223372036854775807 - -1", "5 % 2.5", "5.5 % 2", "1e300 % 7",
                "-5 % -3", "'3' * '4'", "'3' || 4 + 1", "10 / 4.0", "10 / '4'", "'10' / '4.0'");
    }

    /** {@code count} random nested expressions, the same for the same seed. */
    static List<String> random(long seed, int count) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(expr(rnd, 1 + rnd.nextInt(4)));
        }
        return out;
    }

    private static String expr(Random rnd, int depth) {
        if (depth <= 0 || rnd.nextInt(10) < 2) {
            return leaf(rnd);
        }
        int d = depth - 1;
        switch (rnd.nextInt(16)) {
            case 0, 1, 2, 3:
                return sub(rnd, d) + " " + pick(rnd, BINARY) + " " + sub(rnd, d);
            case 4:
                return pick(rnd, new String[] {"-", "+", "~", "NOT "}) + sub(rnd, d);
            case 5:
                return sub(rnd, d) + (rnd.nextBoolean() ? " NOT" : "") + " BETWEEN " + sub(rnd, d) + " AND " + sub(rnd, d);
            case 6:
                return sub(rnd, d) + (rnd.nextBoolean() ? " NOT" : "") + " IN (" + expr(rnd, d) + ", " + leaf(rnd) + ")";
            case 7:
                return sub(rnd, d) + pick(rnd, new String[] {" IS NULL", " IS NOT NULL", " ISNULL", " NOTNULL"});
            case 8:
                return sub(rnd, d) + (rnd.nextBoolean() ? " LIKE " : " GLOB ")
                        + pick(rnd, new String[] {"'%1%'", "'a%'", "'_b_'", "'1*'", "'[0-9]*'", "'%'", "'*'"});
            case 9:
                return rnd.nextBoolean()
                        ? "CASE " + sub(rnd, d) + " WHEN " + sub(rnd, d) + " THEN " + sub(rnd, d) + " ELSE " + sub(rnd, d) + " END"
                        : "CASE WHEN " + sub(rnd, d) + " THEN " + sub(rnd, d) + " END";
            case 10:
                return "CAST(" + expr(rnd, d) + " AS " + pick(rnd, new String[] {"INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC"}) + ")";
            case 11:
                return sub(rnd, d) + " COLLATE " + pick(rnd, new String[] {"NOCASE", "RTRIM", "BINARY"}) + " = " + sub(rnd, d);
            case 12:
                return pick(rnd, FUNCTIONS1) + "(" + expr(rnd, d) + ")";
            case 13:
                return pick(rnd, FUNCTIONS2) + "(" + expr(rnd, d) + ", " + expr(rnd, d) + ")";
            case 14:
                return pick(rnd, FUNCTIONS3) + "(" + expr(rnd, d) + ", " + expr(rnd, d) + ", " + expr(rnd, d) + ")";
            default:
                return sub(rnd, d) + " " + pick(rnd, new String[] {"+", "-", "*", "||", "=", "<"}) + " " + sub(rnd, d);
        }
    }

    /** An operand: parenthesised most of the time, bare sometimes so that precedence is exercised too. */
    private static String sub(Random rnd, int depth) {
        String e = expr(rnd, depth);
        return rnd.nextInt(10) < 8 ? "(" + e + ")" : e;
    }

    private static String leaf(Random rnd) {
        return rnd.nextBoolean() ? pick(rnd, COLUMNS) : pick(rnd, LITERALS);
    }

    private static String pick(Random rnd, String[] a) {
        return a[rnd.nextInt(a.length)];
    }
}
