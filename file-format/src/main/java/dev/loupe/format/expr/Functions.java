package dev.loupe.format.expr;

import dev.loupe.format.record.Collation;
import dev.loupe.format.record.ValueOrder;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealFormat;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * SQLite's built-in scalar functions (lang_corefunc.html, func.c) that a schema expression commonly uses. Text
 * functions fold case for ASCII only, as SQLite built without ICU does. Any other function is not evaluable.
 */
final class Functions {

    private Functions() {
    }

    static Value call(FunctionCall f, Evaluator ev) {
        String name = f.name().toLowerCase(Locale.ROOT);
        List<ParsedExpression> a = f.arguments();
        int n = a.size();
        switch (name) {
            case "coalesce", "ifnull": {
                arity(name, n, 2, name.equals("ifnull") ? 2 : Integer.MAX_VALUE);
                for (ParsedExpression e : a) {
                    Value v = ev.eval(e);
                    if (!Coerce.isNull(v)) {
                        return v;
                    }
                }
                return NullValue.INSTANCE;
            }
            case "iif", "if": {
                arity(name, n, 2, 3);
                if (Boolean.TRUE.equals(Coerce.truth(ev.eval(a.get(0))))) {
                    return ev.eval(a.get(1));
                }
                return n == 3 ? ev.eval(a.get(2)) : NullValue.INSTANCE;
            }
            case "likely", "unlikely":
                arity(name, n, 1, 1);
                return ev.eval(a.get(0));
            default:
                break;
        }
        boolean json = JsonFunctions.handles(name);
        boolean date = DateFunctions.handles(name);
        boolean printf = name.equals("printf") || name.equals("format");
        if (!json && !date && !printf && !isKnown(name)) {
            throw new NotEvaluableException("function not evaluated: " + f.name());
        }
        List<Value> v = new ArrayList<>(n);
        for (ParsedExpression e : a) {
            v.add(ev.eval(e));
        }
        if (json) {
            return JsonFunctions.call(name, v);
        }
        if (printf) {
            return Printf.call(v);
        }
        return date ? DateFunctions.call(name, v) : scalar(name, v, f, ev);
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "lower", "upper", "length", "abs", "substr", "substring", "nullif", "typeof", "trim", "ltrim",
                    "rtrim", "replace", "instr", "hex", "round", "min", "max", "char", "unicode", "quote", "sign",
                    "concat", "concat_ws" -> true;
            default -> false;
        };
    }

    private static Value scalar(String name, List<Value> v, FunctionCall f, Evaluator ev) {
        int n = v.size();
        switch (name) {
            case "lower", "upper": {
                arity(name, n, 1, 1);
                String s = Coerce.text(v.get(0));
                return s == null ? NullValue.INSTANCE : new TextValue(asciiCase(s, name.equals("upper")));
            }
            case "length": {
                arity(name, n, 1, 1);
                Value x = v.get(0);
                if (Coerce.isNull(x)) {
                    return NullValue.INSTANCE;
                }
                if (x instanceof BlobValue b) {
                    return IntegerValue.of(b.value().length);
                }
                String s = untilNul(Coerce.text(x));
                return IntegerValue.of(s.codePointCount(0, s.length()));
            }
            case "abs":
                arity(name, n, 1, 1);
                return abs(v.get(0));
            case "substr", "substring":
                arity(name, n, 2, 3);
                return substr(v);
            case "nullif": {
                arity(name, n, 2, 2);
                Collation c = functionCollation(f, ev);
                return ValueOrder.compare(v.get(0), v.get(1), c, ev.row().encoding()) != 0 ? v.get(0)
                        : NullValue.INSTANCE;
            }
            case "typeof":
                arity(name, n, 1, 1);
                return new TextValue(v.get(0).typeName());
            case "trim", "ltrim", "rtrim":
                arity(name, n, 1, 2);
                return trim(name, v);
            case "replace":
                arity(name, n, 3, 3);
                return replace(v);
            case "instr":
                arity(name, n, 2, 2);
                return instr(v.get(0), v.get(1));
            case "hex": {
                arity(name, n, 1, 1);
                byte[] b = Coerce.bytes(v.get(0));
                return new TextValue(b == null ? "" : HexFormat.of().withUpperCase().formatHex(b));
            }
            case "round":
                arity(name, n, 1, 2);
                return Rounding.round(v);
            case "min", "max": {
                if (n < 2) {
                    throw new NotEvaluableException("aggregate " + name + "() with one argument");
                }
                return minMax(name.equals("max"), v, functionCollation(f, ev), ev.row().encoding());
            }
            case "char":
                return chars(v);
            case "unicode": {
                arity(name, n, 1, 1);
                String s = Coerce.text(v.get(0));
                return s == null || s.isEmpty() ? NullValue.INSTANCE : IntegerValue.of(s.codePointAt(0));
            }
            case "quote":
                arity(name, n, 1, 1);
                return new TextValue(quote(v.get(0)));
            case "sign":
                arity(name, n, 1, 1);
                return sign(v.get(0));
            case "concat": {
                arity(name, n, 1, Integer.MAX_VALUE);
                StringBuilder b = new StringBuilder();
                for (Value x : v) {
                    if (!Coerce.isNull(x)) {
                        b.append(Coerce.text(x));
                    }
                }
                return new TextValue(b.toString());
            }
            default: {
                arity(name, n, 2, Integer.MAX_VALUE);
                if (Coerce.isNull(v.get(0))) {
                    return NullValue.INSTANCE;
                }
                String sep = Coerce.text(v.get(0));
                StringBuilder b = new StringBuilder();
                boolean first = true;
                for (Value x : v.subList(1, n)) {
                    if (!Coerce.isNull(x)) {
                        b.append(first ? "" : sep).append(Coerce.text(x));
                        first = false;
                    }
                }
                return new TextValue(b.toString());
            }
        }
    }

    private static void arity(String name, int n, int min, int max) {
        if (n < min || n > max) {
            throw new NotEvaluableException("wrong number of arguments to function " + name + "()");
        }
    }

    private static String asciiCase(String s, boolean upper) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (upper && c >= 'a' && c <= 'z') {
                c -= 32;
            } else if (!upper && c >= 'A' && c <= 'Z') {
                c += 32;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** C string functions stop at the first NUL character. */
    static String untilNul(String s) {
        int z = s.indexOf('\0');
        return z < 0 ? s : s.substring(0, z);
    }

    private static Value abs(Value x) {
        if (Coerce.isNull(x)) {
            return NullValue.INSTANCE;
        }
        if (x instanceof IntegerValue i) {
            if (i.value() == Long.MIN_VALUE) {
                throw new NotEvaluableException("integer overflow in abs()");
            }
            return IntegerValue.of(Math.abs(i.value()));
        }
        return new RealValue(Math.abs(Coerce.real(x)));
    }

    /** func.c substrFunc: 1-based start, negative from the end, negative length takes characters before it. */
    private static Value substr(List<Value> v) {
        if (Coerce.isNull(v.get(1)) || (v.size() == 3 && Coerce.isNull(v.get(2)))) {
            return NullValue.INSTANCE;
        }
        Value x = v.get(0);
        if (Coerce.isNull(x)) {
            return NullValue.INSTANCE;
        }
        long p1 = Coerce.int64(v.get(1));
        boolean blob = x instanceof BlobValue;
        byte[] bytes = blob ? ((BlobValue) x).value() : null;
        if (blob && bytes.length == 0) {
            // sqlite3_value_blob of an empty blob is a null pointer, and substr() returns NULL for it.
            return NullValue.INSTANCE;
        }
        int[] cps = blob ? null : untilNul(Coerce.text(x)).codePoints().toArray();
        long len = blob ? bytes.length : cps.length;
        long p2;
        boolean negP2 = false;
        if (v.size() == 3) {
            p2 = Coerce.int64(v.get(2));
            if (p2 < 0) {
                p2 = p2 == Long.MIN_VALUE ? Long.MAX_VALUE : -p2;
                negP2 = true;
            }
        } else {
            // As SQLite 3.54 does (measured: substr(x'c3a9', -9223372036854775808) is x'c3').
            p2 = Long.MAX_VALUE;
        }
        if (p1 < 0) {
            p1 += len;
            if (p1 < 0) {
                p2 += p1;
                if (p2 < 0) {
                    p2 = 0;
                }
                p1 = 0;
            }
        } else if (p1 > 0) {
            p1--;
        } else if (p2 > 0) {
            p2--;
        }
        if (negP2) {
            p1 -= p2;
            if (p1 < 0) {
                p2 += p1;
                p1 = 0;
            }
        }
        long from = Math.min(p1, len);
        long to = from + Math.min(len - from, p2);
        if (blob) {
            byte[] out = new byte[(int) (to - from)];
            System.arraycopy(bytes, (int) from, out, 0, out.length);
            return new BlobValue(out);
        }
        return new TextValue(new String(cps, (int) from, (int) (to - from)));
    }

    private static Value trim(String name, List<Value> v) {
        String s = Coerce.text(v.get(0));
        if (s == null) {
            return NullValue.INSTANCE;
        }
        int[] set;
        if (v.size() == 2) {
            String chars = Coerce.text(v.get(1));
            if (chars == null) {
                return NullValue.INSTANCE;
            }
            set = chars.codePoints().toArray();
        } else {
            set = new int[] {' '};
        }
        int[] cps = s.codePoints().toArray();
        int from = 0;
        int to = cps.length;
        if (!name.equals("rtrim")) {
            while (from < to && contains(set, cps[from])) {
                from++;
            }
        }
        if (!name.equals("ltrim")) {
            while (to > from && contains(set, cps[to - 1])) {
                to--;
            }
        }
        return new TextValue(new String(cps, from, to - from));
    }

    private static boolean contains(int[] set, int c) {
        for (int x : set) {
            if (x == c) {
                return true;
            }
        }
        return false;
    }

    private static Value replace(List<Value> v) {
        String s = Coerce.text(v.get(0));
        if (s == null) {
            return NullValue.INSTANCE;
        }
        String pattern = Coerce.text(v.get(1));
        if (pattern == null) {
            return NullValue.INSTANCE;
        }
        if (pattern.isEmpty()) {
            return new TextValue(s);
        }
        String rep = Coerce.text(v.get(2));
        if (rep == null) {
            return NullValue.INSTANCE;
        }
        return new TextValue(s.replace(pattern, rep));
    }

    private static Value instr(Value haystack, Value needle) {
        if (Coerce.isNull(haystack) || Coerce.isNull(needle)) {
            return NullValue.INSTANCE;
        }
        if (haystack instanceof BlobValue h && needle instanceof BlobValue nd) {
            byte[] a = h.value();
            byte[] b = nd.value();
            for (int i = 0; i + b.length <= a.length; i++) {
                if (Arrays.equals(a, i, i + b.length, b, 0, b.length)) {
                    return IntegerValue.of(i + 1);
                }
            }
            return IntegerValue.of(0);
        }
        String a = Coerce.text(haystack);
        String b = Coerce.text(needle);
        int at = a.indexOf(b);
        return IntegerValue.of(at < 0 ? 0 : a.codePointCount(0, at) + 1);
    }

    /** min()/max() over several arguments: NULL if any is NULL; ties keep the first for max, the last for min. */
    private static Value minMax(boolean max, List<Value> v, Collation c, TextEncoding encoding) {
        int best = 0;
        for (int i = 0; i < v.size(); i++) {
            if (Coerce.isNull(v.get(i))) {
                return NullValue.INSTANCE;
            }
        }
        for (int i = 1; i < v.size(); i++) {
            int cmp = ValueOrder.compare(v.get(best), v.get(i), c, encoding);
            if (max ? cmp < 0 : cmp >= 0) {
                best = i;
            }
        }
        return v.get(best);
    }

    private static Value chars(List<Value> v) {
        StringBuilder b = new StringBuilder();
        for (Value x : v) {
            long c = Coerce.int64(x);
            if (c < 0 || c > 0x10ffff) {
                c = 0xfffd;
            }
            if (c >= 0xd800 && c <= 0xdfff) {
                throw new NotEvaluableException("char() of a surrogate code point");
            }
            b.appendCodePoint((int) c);
        }
        return new TextValue(b.toString());
    }

    /** quote(): an SQL literal; a real whose 15 significant digits do not read back exactly is not evaluated. */
    private static String quote(Value x) {
        if (x instanceof TextValue t) {
            return "'" + untilNul(t.value()).replace("'", "''") + "'";
        }
        if (x instanceof BlobValue b) {
            return "X'" + HexFormat.of().withUpperCase().formatHex(b.value()) + "'";
        }
        if (x instanceof RealValue r) {
            String s = RealFormat.sqlite(r.value());
            if (Double.isInfinite(r.value()) || Double.parseDouble(s) != r.value()) {
                throw new NotEvaluableException("quote() of a real needing more than 15 digits");
            }
            return s;
        }
        return x instanceof IntegerValue i ? Long.toString(i.value()) : "NULL";
    }

    private static Value sign(Value x) {
        Value n = x;
        if (x instanceof TextValue t) {
            n = SqlNumbers.numericIfPure(t.value());
        }
        if (n instanceof IntegerValue i) {
            return IntegerValue.of(Long.signum(i.value()));
        }
        if (n instanceof RealValue r) {
            return IntegerValue.of(r.value() > 0 ? 1 : r.value() < 0 ? -1 : 0);
        }
        return NullValue.INSTANCE;
    }

    /**
     * A function's collation (SQLITE_FUNC_NEEDCOLL): that of the first argument that has one (an explicit COLLATE
     * or a column), else BINARY.
     */
    private static Collation functionCollation(FunctionCall f, Evaluator ev) {
        for (ParsedExpression a : f.arguments()) {
            Collation c = Collations.of(a, ev.row());
            if (c != null) {
                return c;
            }
        }
        return Collation.BINARY;
    }
}
