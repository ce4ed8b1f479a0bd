package dev.loupe.format.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * printf() calls for the differential test: hand-written corners (flags, widths, precisions, '*', the quoting
 * conversions, NULL and missing arguments, text counted in bytes or characters) and seeded random formats over
 * random arguments.
 */
final class PrintfCorpus {

    private static final String[] CONVERSIONS = {"d", "i", "u", "x", "X", "o", "c", "s", "z", "q", "Q", "w", "%", "n",
        "f", "e", "g", "r", "p", "y", "ld", "lld"};
    private static final String[] ARGS = {"42", "-42", "0", "1", "-1", "9223372036854775807", "-9223372036854775808",
        "255", "1234567", "-1234567", "3.9", "-3.9", "1e30", "'12abc'", "'  -7  '", "'0x10'", "'abc'", "'it''s'",
        "'a\"b'", "'é'", "'héllo wörld'", "'中文字'", "''", "NULL", "x'3132'", "'😀x'", "'ab''cd'"};

    private PrintfCorpus() {
    }

    static List<String> handWritten() {
        return List.of(
                "printf('%d|%5d|%-5d|%05d|%+d|% d', 42, 42, 42, 42, 42, 42)", "printf('%d', '12abc')",
                "printf('%d', 3.9)", "printf('%d', -3.9)", "printf('%d', NULL)", "printf('%d', x'3132')",
                "printf('%u', -1)", "printf('%x|%X|%o|%#x|%#o', 255, 255, 8, 255, 8)", "printf('%#x|%#o', 0, 0)",
                "printf('%#08x', 255)", "printf('%08x', 255)", "printf('%x', -1)", "printf('%,d', 1234567)",
                "printf('%,d', -1234567)", "printf('%,d', 123)", "printf('%,u', 1234567)", "printf('%,12d|', 1234567)",
                "printf('%s|%5s|%-5s|%.2s', 'abc', 'abc', 'abc', 'abc')", "printf('%s', NULL)", "printf('%s', 12)",
                "printf('%s', 1.5)", "printf('%s', x'4142')", "printf('%5s|', 'é')", "printf('%!5s|', 'é')",
                "printf('%.1s', 'é')", "printf('%!.1s', 'é')", "printf('%.2s', 'é中')", "printf('%c', 'xyz')",
                "printf('%c', 65)", "printf('%c', 'é')", "printf('%q', 'it''s')", "printf('%Q', 'it''s')",
                "printf('%Q', NULL)", "printf('%w', 'a\"b')", "printf('%z', 'abc')", "printf('%%|%d%%', 5)",
                "printf('%')", "printf('%d')", "printf('%s %s', 'a')", "printf('%*d', 5, 42)", "printf('%-*d|', 5, 42)",
                "printf('%*d|', -5, 42)", "printf('%.*s', 2, 'abcdef')", "printf('%.*s', -2, 'abcdef')",
                "printf('%08.3d', 5)", "printf('%.3d', 5)", "printf('%-05d|', 42)", "printf('%+05d', 42)",
                "printf('% 05d', -42)", "printf('%f', 1.5)", "printf('%.2f', 2.675)", "printf('%y', 5)",
                "printf(NULL, 5)", "printf('abc')", "printf(12)", "printf('%d', 1e30)", "printf('%lld|%ld', 5, 6)",
                "printf('%5c|%.3c|%-3c|', 'a', 'a', 'a')", "printf('%03s', 'a')", "printf('%#d', 5)", "printf('%+u', 5)",
                "printf('%r', 5)", "printf('%p', 255)", "printf('%n', 5)", "format('%d-%s', 1, 'x')",
                "printf('%-10.3s|', 'abcdef')", "printf('%10.3s|', 'abcdef')", "printf('%.0s|', 'abc')",
                "printf('%x', 1.9)", "printf('%x', 'ff')", "printf('%5%')", "printf('%c', '')", "printf('%c', NULL)",
                "printf('%q|%w', NULL, NULL)", "printf('%-')", "printf('%5')", "printf('%.')", "printf('%.3x', 5)",
                "printf('%#X', 255)", "printf('%o', -1)", "printf('%d', 9223372036854775808)",
                "printf('%s', 'a' || char(0) || 'b')", "printf('%d items', 3) = '3 items'", "printf('%.0d|', 0)",
                "printf('%s-%s', 'é', 'ü')", "printf('%!10s|', 'héllo')", "printf('%10s|', 'héllo')",
                "printf('%d' || char(0) || '%d', 5, 6)");
    }

    /** {@code count} printf calls with random formats and arguments, the same for the same seed. */
    static List<String> random(long seed, int count) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            StringBuilder fmt = new StringBuilder();
            List<String> args = new ArrayList<>();
            int parts = 1 + rnd.nextInt(3);
            for (int p = 0; p < parts; p++) {
                if (rnd.nextInt(3) == 0) {
                    fmt.append(rnd.nextBoolean() ? "x" : " é-");
                }
                fmt.append('%');
                for (char f : "-+ #0,!".toCharArray()) {
                    if (rnd.nextInt(6) == 0) {
                        fmt.append(f);
                    }
                }
                if (rnd.nextInt(3) == 0) {
                    if (rnd.nextInt(5) == 0) {
                        fmt.append('*');
                        args.add(Integer.toString(rnd.nextInt(25) - 5));
                    } else {
                        fmt.append(rnd.nextInt(15));
                    }
                }
                if (rnd.nextInt(3) == 0) {
                    fmt.append('.');
                    if (rnd.nextInt(5) == 0) {
                        fmt.append('*');
                        args.add(Integer.toString(rnd.nextInt(10)));
                    } else {
                        fmt.append(rnd.nextInt(12));
                    }
                }
                fmt.append(CONVERSIONS[rnd.nextInt(CONVERSIONS.length)]);
                if (rnd.nextInt(10) != 0) {
                    args.add(ARGS[rnd.nextInt(ARGS.length)]);
                }
            }
            StringBuilder call = new StringBuilder("printf(").append(JsonCorpus.literal(fmt.toString()));
            for (String a : args) {
                call.append(", ").append(a);
            }
            out.add(call.append(')').toString());
        }
        return out;
    }
}
