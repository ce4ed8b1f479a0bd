package dev.loupe.format.expr;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * SQLite's {@code printf(FORMAT, ...)} and {@code format(...)} (lang_corefunc.html#printf; printf.c) for the
 * integer, text and quoting conversions: {@code %d %i %u %x %X %o %c %s %z %q %Q %w %n %%} with the flags
 * {@code - + space # 0 , !}, a width and a precision (either may be {@code *}). The result is built as bytes, as
 * printf.c builds it (a width or precision counts bytes unless {@code !} is given), then read as UTF-8 as a record's
 * text is read. The floating-point conversions are not evaluable: SQLite 3.40 and later versions round some values
 * differently ({@code printf('%.2f', 2.675)} is 2.68 in 3.40, 2.67 later); so are {@code %r}, {@code %p} and
 * conversion letters SQLite does not define (NULL in 3.40, empty in later versions).
 */
final class Printf {

    /** Widths and precisions beyond this are refused (SQLite's own limit is its maximum string length). */
    private static final int MAX_WIDTH = 100_000;

    private final String format;
    private final List<Value> args;
    private int next;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Printf(String format, List<Value> args) {
        this.format = format;
        this.args = args;
    }

    /** The formatted text; {@code args} are the arguments after the format. */
    static String format(String format, List<Value> args) {
        Printf p = new Printf(format, args);
        p.run();
        return new String(p.out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** The next argument, or NULL once they run out (printf.c reads missing arguments as NULL). */
    private Value arg() {
        return next < args.size() ? args.get(next++) : NullValue.INSTANCE;
    }

    private void run() {
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c != '%') {
                int j = format.indexOf('%', i);
                append(format.substring(i, j < 0 ? n : j));
                i = j < 0 ? n : j;
                continue;
            }
            i++;
            if (i >= n) {
                append("%");
                return;
            }
            boolean left = false;
            char sign = 0;
            boolean alt = false;
            boolean alt2 = false;
            boolean zero = false;
            boolean thousands = false;
            flags:
            for (; i < n; i++) {
                switch (format.charAt(i)) {
                    case '-' -> left = true;
                    case '+', ' ' -> sign = format.charAt(i); // printf.c keeps the last of the two
                    case '#' -> alt = true;
                    case '!' -> alt2 = true;
                    case '0' -> zero = true;
                    case ',' -> thousands = true;
                    default -> {
                        break flags;
                    }
                }
            }
            int width = 0;
            if (i < n && format.charAt(i) == '*') {
                long w = Coerce.int64(arg());
                if (w < 0) {
                    // a negative width from the arguments left-justifies
                    left = true;
                    w = w == Long.MIN_VALUE ? Long.MAX_VALUE : -w;
                }
                width = bounded(w);
                i++;
            } else {
                width = digits(i);
                while (i < n && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                    i++;
                }
            }
            int precision = -1;
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    // a negative precision from the arguments counts as its magnitude in printf.c
                    precision = bounded(Math.abs(Math.max(Coerce.int64(arg()), -MAX_WIDTH - 1L)));
                    i++;
                } else {
                    precision = digits(i);
                    while (i < n && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
                        i++;
                    }
                }
            }
            while (i < n && format.charAt(i) == 'l') {
                i++;
            }
            if (i >= n) {
                // a conversion cut off by the end of the format
                throw new NotEvaluableException("printf format ends inside a conversion");
            }
            char conversion = format.charAt(i++);
            Spec spec = new Spec(left, sign, alt, alt2, zero, thousands, width, precision);
            switch (conversion) {
                case 'd', 'i' -> signed(spec, Coerce.int64(arg()));
                case 'u' -> unsigned(spec, Coerce.int64(arg()), 10, false);
                case 'x' -> unsigned(spec, Coerce.int64(arg()), 16, false);
                case 'X' -> unsigned(spec, Coerce.int64(arg()), 16, true);
                case 'o' -> unsigned(spec, Coerce.int64(arg()), 8, false);
                case 'c' -> character(spec, arg());
                case 's', 'z' -> string(spec, arg());
                case 'q', 'Q', 'w' -> quoted(spec, arg(), conversion);
                case '%' -> pad(spec, "%".getBytes(StandardCharsets.UTF_8), 1);
                case 'n' -> {
                }
                default -> throw new NotEvaluableException("printf conversion %" + conversion);
            }
        }
    }

    /** One conversion's flags: {@code sign} is '+', ' ' or 0 (none). */
    private record Spec(boolean left, char sign, boolean alt, boolean alt2, boolean zero, boolean thousands, int width,
                        int precision) {
    }

    /** The decimal number written at {@code i} (0 when none), within {@link #MAX_WIDTH}. */
    private int digits(int i) {
        int end = i;
        while (end < format.length() && format.charAt(end) >= '0' && format.charAt(end) <= '9') {
            end++;
        }
        if (end - i > 9) {
            throw new NotEvaluableException("printf width or precision of " + (end - i) + " digits");
        }
        return end == i ? 0 : bounded(Integer.parseInt(format.substring(i, end)));
    }

    private static int bounded(long n) {
        if (n > MAX_WIDTH) {
            throw new NotEvaluableException("printf width or precision " + n);
        }
        return (int) n;
    }

    private void signed(Spec s, long v) {
        String sign = v < 0 ? "-" : s.sign() == 0 ? "" : String.valueOf(s.sign());
        String digits = v < 0 ? Long.toUnsignedString(-v) : Long.toString(v);
        number(s, sign, "", digits, s.thousands());
    }

    private void unsigned(Spec s, long v, int radix, boolean upper) {
        String digits = Long.toUnsignedString(v, radix);
        if (upper) {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        String alt = "";
        if (s.alt() && v != 0) {
            alt = radix == 16 ? (upper ? "0X" : "0x") : radix == 8 ? "0" : "";
        }
        number(s, "", alt, digits, s.thousands() && radix == 10);
    }

    /**
     * printf.c etDECIMAL and etRADIX: the digits zero-padded to the precision (with '0', to the width less a sign),
     * grouped by thousands with ',', then the alternate form's 0x or 0, then the sign.
     */
    private void number(Spec s, String sign, String alt, String digits, boolean thousands) {
        if (thousands && (s.zero() || s.precision() >= 0)) {
            throw new NotEvaluableException("printf with ',' and zero padding");
        }
        int precision = s.precision();
        if (s.zero() && precision < s.width() - sign.length()) {
            precision = s.width() - sign.length();
        }
        StringBuilder b = new StringBuilder(sign).append(alt);
        for (int k = digits.length(); k < precision; k++) {
            b.append('0');
        }
        b.append(thousands ? grouped(digits) : digits);
        String text = b.toString();
        pad(s, text.getBytes(StandardCharsets.US_ASCII), text.length());
    }

    private static String grouped(String digits) {
        StringBuilder b = new StringBuilder();
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, lead);
        for (int k = lead; k < digits.length(); k += 3) {
            b.append(',').append(digits, k, k + 3);
        }
        return b.toString();
    }

    /** %c: the first character of the argument's text (NUL for empty text), repeated precision times. */
    private void character(Spec s, Value v) {
        String t = text(v);
        // an empty text's first character is the NUL that ends it in C
        String first = t.isEmpty() ? "\0" : t.substring(0, t.offsetByCodePoints(0, 1));
        int times = Math.max(1, s.precision());
        // the width counts characters here, '!' or not
        pad(s, first.repeat(times).getBytes(StandardCharsets.UTF_8), times, true);
    }

    /** %s: the argument's text, cut to the precision (bytes, or characters with '!'). */
    private void string(Spec s, Value v) {
        byte[] bytes = bytes(v);
        int chars = characters(bytes, bytes.length);
        if (s.precision() >= 0) {
            int cut;
            if (s.alt2()) {
                cut = 0;
                for (int k = 0; k < s.precision() && cut < bytes.length; k++) {
                    cut += utf8Length(bytes[cut]);
                }
                cut = Math.min(cut, bytes.length);
            } else {
                cut = Math.min(s.precision(), bytes.length);
            }
            bytes = Arrays.copyOf(bytes, cut);
            chars = characters(bytes, cut);
        }
        pad(s, bytes, chars);
    }

    /** %q, %Q, %w: the text with its quote character doubled (%Q also quoted; NULL as NULL or (NULL)). */
    private void quoted(Spec s, Value v, char conversion) {
        if (s.width() > 0 || s.precision() >= 0) {
            throw new NotEvaluableException("printf %" + conversion + " with a width or precision");
        }
        if (v instanceof NullValue) {
            append(conversion == 'Q' ? "NULL" : "(NULL)");
            return;
        }
        String q = conversion == 'w' ? "\"" : "'";
        String t = text(v).replace(q, q + q);
        append(conversion == 'Q' ? "'" + t + "'" : t);
    }

    /**
     * Appends {@code body} padded with spaces to the width: counted in bytes, as printf.c counts, except that with
     * '!' a string's width counts characters, and so does %c's always ({@code units} is what the body counts for).
     */
    private void pad(Spec s, byte[] body, int units) {
        pad(s, body, units, s.alt2());
    }

    private void pad(Spec s, byte[] body, int units, boolean countUnits) {
        int counted = countUnits ? units : body.length;
        int fill = Math.max(0, s.width() - counted);
        if (!s.left()) {
            spaces(fill);
        }
        out.writeBytes(body);
        if (s.left()) {
            spaces(fill);
        }
    }

    private void spaces(int n) {
        for (int k = 0; k < n; k++) {
            out.write(' ');
        }
    }

    private void append(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * sqlite3_value_text as printf.c reads it, a C string: up to its first NUL; NULL as empty text (printf.c
     * prints a NULL string as nothing).
     */
    private static String text(Value v) {
        if (v instanceof NullValue) {
            return "";
        }
        // a BLOB's bytes are read as the text they spell
        String t = v instanceof BlobValue b ? new String(b.value(), StandardCharsets.UTF_8) : Coerce.text(v);
        int nul = t.indexOf('\0');
        return nul < 0 ? t : t.substring(0, nul);
    }

    private static byte[] bytes(Value v) {
        return text(v).getBytes(StandardCharsets.UTF_8);
    }

    private static int characters(byte[] b, int length) {
        int n = 0;
        for (int k = 0; k < length; k++) {
            if ((b[k] & 0xc0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    private static int utf8Length(byte lead) {
        int u = lead & 0xff;
        return u < 0x80 ? 1 : u < 0xe0 ? 2 : u < 0xf0 ? 3 : 4;
    }

    static Value call(List<Value> v) {
        if (v.isEmpty() || v.get(0) instanceof NullValue) {
            return NullValue.INSTANCE;
        }
        if (v.get(0) instanceof BlobValue) {
            throw new NotEvaluableException("printf format of type blob");
        }
        // printf.c reads the format as a C string, up to its first NUL
        return new TextValue(format(Functions.untilNul(Coerce.text(v.get(0))), v.subList(1, v.size())));
    }
}
