package dev.loupe.format.expr;

import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON functions an index expression or CHECK constraint commonly uses (json1.html): {@code json_extract},
 * the {@code ->} and {@code ->>} operators and {@code json_valid}, computed the way SQLite 3.40 computes them where
 * later versions compute the same; where they differ (JSON5 input, BLOB arguments that 3.45+ reads as JSONB, an
 * escaped object key, a NULL path among several) the value is not evaluable.
 */
final class JsonFunctions {

    /**
     * The last document each thread read: one row's JSON column usually feeds several index expressions and a
     * CHECK constraint, each evaluated on its own copy of the text, and is read once for all of them (comparing
     * texts costs far less than reading one).
     */
    private static final ThreadLocal<Object[]> LAST_READ = ThreadLocal.withInitial(() -> new Object[2]);

    private JsonFunctions() {
    }

    static boolean handles(String name) {
        return switch (name) {
            case "json_extract", "json_valid", "->", "->>" -> true;
            default -> false;
        };
    }

    static Value call(String name, List<Value> v) {
        return switch (name) {
            case "json_valid" -> valid(v);
            case "json_extract" -> extract(v);
            default -> arrow(v, name.equals("->"));
        };
    }

    /** {@code json_valid(X)}: 1 when X is RFC 8259 text, 0 when it is not. */
    private static Value valid(List<Value> v) {
        if (v.size() != 1) {
            // a second argument (flags) exists only from 3.45
            throw new NotEvaluableException("json_valid() with " + v.size() + " arguments");
        }
        Value x = v.get(0);
        if (x instanceof IntegerValue) {
            return IntegerValue.of(1);
        }
        if (x instanceof RealValue r && Double.isFinite(r.value())) {
            return IntegerValue.of(1);
        }
        if (x instanceof NullValue) {
            // 0 in 3.40, NULL from 3.45: "json_valid(x) OR x IS NULL" and "WHERE json_valid(x)" are still decided
            throw new NotEvaluableException("json_valid(NULL)", List.of(IntegerValue.of(0), NullValue.INSTANCE));
        }
        if (!(x instanceof TextValue t)) {
            // a BLOB may be JSONB from 3.45
            throw new NotEvaluableException("json_valid() of " + x.typeName());
        }
        JsonReader.Result r = read(Functions.untilNul(t.value()));
        if (r instanceof JsonReader.TooDeep) {
            throw new NotEvaluableException("JSON nested deeper than " + JsonReader.MAX_DEPTH);
        }
        return IntegerValue.of(r instanceof JsonReader.Document ? 1 : 0);
    }

    /**
     * {@code json_extract(X, P1, ...)}: with one path the value it leads to as an SQL value (NULL where it leads
     * nowhere); with several a JSON array of them.
     */
    private static Value extract(List<Value> v) {
        if (v.size() < 2) {
            // json.c returns before it reads the document
            return NullValue.INSTANCE;
        }
        JsonNode root = document(v.get(0));
        if (root == null) {
            return NullValue.INSTANCE;
        }
        if (v.size() == 2) {
            if (v.get(1) instanceof NullValue) {
                return NullValue.INSTANCE;
            }
            JsonNode found = JsonPath.parse(path(v.get(1))).find(root);
            return found == null ? NullValue.INSTANCE : sqlValue(found);
        }
        StringBuilder b = new StringBuilder("[");
        for (int k = 1; k < v.size(); k++) {
            if (v.get(k) instanceof NullValue) {
                // 3.40 writes null into the array, later versions return NULL
                throw new NotEvaluableException("json_extract() with a NULL path among several");
            }
            JsonNode found = JsonPath.parse(path(v.get(k))).find(root);
            b.append(k == 1 ? "" : ",");
            if (found == null) {
                b.append("null");
            } else {
                found.render(b);
            }
        }
        return new TextValue(b.append(']').toString());
    }

    /**
     * {@code X -> P} (the value as JSON text) and {@code X ->> P} (as an SQL value). P is a path, or short for one:
     * a non-negative integer N for {@code $[N]}, a label for {@code $.label}, text starting with {@code [} for
     * {@code $} and that text.
     */
    private static Value arrow(List<Value> v, boolean asJson) {
        JsonNode root = document(v.get(0));
        Value p = v.get(1);
        if (root == null || p instanceof NullValue) {
            return NullValue.INSTANCE;
        }
        JsonPath path;
        if (p instanceof IntegerValue i) {
            if (i.value() < 0) {
                // 3.40 reads -1 as the label "-1"; later versions count from the end
                throw new NotEvaluableException("JSON operator with a negative index");
            }
            path = JsonPath.parse("$[" + i.value() + "]");
        } else {
            path = JsonPath.parse(abbreviated(path(p)));
        }
        JsonNode found = path.find(root);
        if (found == null) {
            return NullValue.INSTANCE;
        }
        return asJson ? new TextValue(found.render()) : sqlValue(found);
    }

    /** The right operand of {@code ->} as a full path, where SQLite 3.40 and later versions read it alike. */
    private static String abbreviated(String p) {
        if (p.startsWith("$")) {
            return p;
        }
        if (p.startsWith("[")) {
            return "$" + p;
        }
        // 3.40 reads text starting with a digit as an index and other text as the rest of a path ('a.b' is
        // $.a.b); later versions read both as one label
        if (p.isEmpty() || (p.charAt(0) >= '0' && p.charAt(0) <= '9') || p.indexOf('.') >= 0 || p.indexOf('[') >= 0
                || p.indexOf('"') >= 0) {
            throw new NotEvaluableException("JSON operator with the label '" + p + "'");
        }
        return "$." + p;
    }

    /** The document an argument holds, or null for NULL. */
    private static JsonNode document(Value x) {
        if (x instanceof NullValue) {
            return null;
        }
        String text;
        if (x instanceof TextValue t) {
            // Bytes that are not UTF-8 reach here as U+FFFD; SQLite passes them through a JSON string unchanged,
            // and an index entry holding them decodes to the same U+FFFD, so the two still compare equal. json.c
            // reads the text as a C string, up to its first NUL (3.40 and later alike).
            text = Functions.untilNul(t.value());
        } else if (x instanceof IntegerValue i) {
            text = Long.toString(i.value());
        } else {
            // a REAL's text is version-dependent at the edges; a BLOB is JSONB from 3.45
            throw new NotEvaluableException("JSON argument of type " + x.typeName());
        }
        JsonReader.Result r = read(text);
        if (r instanceof JsonReader.Document d) {
            return d.root();
        }
        throw new NotEvaluableException(r instanceof JsonReader.Refused f ? "malformed JSON or JSON5: " + f.reason()
                : "JSON nested deeper than " + JsonReader.MAX_DEPTH);
    }

    private static JsonReader.Result read(String text) {
        Object[] last = LAST_READ.get();
        if (text.equals(last[0])) {
            return (JsonReader.Result) last[1];
        }
        JsonReader.Result r = JsonReader.read(text);
        last[0] = text;
        last[1] = r;
        return r;
    }

    private static String path(Value p) {
        if (!(p instanceof TextValue t)) {
            throw new NotEvaluableException("JSON path of type " + p.typeName());
        }
        return t.value();
    }

    /** A JSON value as an SQL value (json.c jsonReturn): the objects and arrays as their JSON text. */
    private static Value sqlValue(JsonNode node) {
        if (node instanceof JsonNode.Literal l) {
            return switch (l) {
                case TRUE -> IntegerValue.of(1);
                case FALSE -> IntegerValue.of(0);
                case NULL -> NullValue.INSTANCE;
            };
        }
        if (node instanceof JsonNode.Num n) {
            return number(n);
        }
        if (node instanceof JsonNode.Str s) {
            return new TextValue(unescape(s.raw(), false));
        }
        return new TextValue(node.render());
    }

    private static Value number(JsonNode.Num n) {
        if (n.integral()) {
            try {
                return IntegerValue.of(Long.parseLong(n.text()));
            } catch (NumberFormatException outside64Bits) {
                // json.c reads an integer that does not fit as a REAL
                return new RealValue(Double.parseDouble(n.text()));
            }
        }
        return new RealValue(Double.parseDouble(n.text()));
    }

    /**
     * A JSON string's text with its escapes undone. An escaped NUL is not evaluable ({@code lenient}: kept, for
     * comparing keys).
     */
    static String unescape(String raw, boolean lenient) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    char u = (char) Integer.parseInt(raw.substring(i + 1, i + 5), 16);
                    i += 4;
                    if (u == 0 && !lenient) {
                        // 3.40 ends the text there, later versions keep the NUL
                        throw new NotEvaluableException("JSON string with an escaped NUL");
                    }
                    if (Character.isHighSurrogate(u) && i + 6 < raw.length() && raw.startsWith("\\u", i + 1)) {
                        char lo = (char) Integer.parseInt(raw.substring(i + 3, i + 7), 16);
                        if (Character.isLowSurrogate(lo)) {
                            b.append(u).append(lo);
                            i += 6;
                            continue;
                        }
                    }
                    if (Character.isSurrogate(u)) {
                        // json.c writes an unpaired surrogate as its three UTF-8-style bytes, which are not UTF-8:
                        // as text read from a record they decode to what this decodes them to
                        b.append(new String(new byte[] {(byte) (0xe0 | u >> 12), (byte) (0x80 | (u >> 6 & 0x3f)),
                            (byte) (0x80 | (u & 0x3f))}, StandardCharsets.UTF_8));
                        continue;
                    }
                    b.append(u);
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
