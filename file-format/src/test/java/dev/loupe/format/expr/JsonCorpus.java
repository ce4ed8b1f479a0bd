package dev.loupe.format.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SQL expressions over JSON for the differential test: hand-written edge cases (each a place where SQLite 3.40 and
 * later versions were seen to differ, or a corner of the grammar) and seeded random documents with paths that lead
 * into them, beside them and nowhere, some documents bent out of RFC 8259 the ways JSON5 allows, some a character
 * away from sound.
 */
final class JsonCorpus {

    private static final String[] KEYS = {"a", "b", "c", "é", "a b", "x.y", "0", "", "dup", "k\\u0041", "q\\\"", "A"};
    private static final String[] STRINGS = {
        "", "x", "hello world", "x\\u0041\\n", "\\\"", "\\\\", "\\/", "\\b\\f\\r\\t", "\\u00e9\\u4e2d", "\\ud83d\\ude00",
        "\\ud83d", "\\ude00x", "x\\u0000y", "é中😀", "a'b", "12", "-3.5", "true", "null", "{\\\"a\\\":1}", "\\u00E9"};
    private static final String[] NUMBERS = {
        "0", "-0", "1", "-1", "42", "9007199254740993", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "-9223372036854775809", "123456789012345678901234", "0.0", "-0.0", "1.5", "1.50",
        "1e3", "1E+3", "2.5e-3", "-2.5E+30", "1e400", "-1e400", "0.30000000000000004", "1.2345678901234567",
        "0.1000000000000000055511151231257827", "3.141592653589793", "1e-320", "4.9e-324", "100e2"};
    private static final String[] BENDS = {
        "[1,]", "{a:1}", "[+1]", "[.5]", "[1.]", "[0x10]", "[Infinity]", "[NaN]", "['a']", "/*c*/[1]", "[01]",
        "[1e]", "[-]", "[1 2]", "{\"a\":1 \"b\":2}", "{\"a\"}", "nul", "", " ", "[\"a\tb\"]", "[1]\f", "[1]\u000b",
        "[\"\\x41\"]", "[\"\\'\"]", "[\"\\v\"]", "[\"\u0001\"]"};

    private JsonCorpus() {
    }

    static List<String> handWritten() {
        List<String> out = new ArrayList<>(List.of(
                "json_extract('{\"a\":1}', '$.a')", "json_extract('{\"a\":1.50}', '$.a')",
                "json_extract('{\"a\":{\"b\":1.50, \"c\" : \"x\\u0041\"}}', '$.a')",
                "json_extract('{\"a\":\"x\\u0041\\n\"}', '$.a')", "json_extract('{\"a\":1,\"a\":2}', '$.a')",
                "json_extract('{\"a b\":1}', '$.a b')", "json_extract('{\"a.b\":1}', '$.\"a.b\"')",
                "json_extract('{\"a\\u0062\":1}', '$.ab')", "json_extract('{\"a\\u0062\":1}', '$.a\\u0062')",
                "json_extract('[1,2,3]', '$[#-1]')", "json_extract('[1,2,3]', '$[#]')", "json_extract('[1,2,3]', '$[3]')",
                "json_extract('[1,2,3]', '$[-1]')", "json_extract('[1,2,3]', '$[ 1]')", "json_extract('[1,2,3]', '$[01]')",
                "json_extract('[1,2,3]', '$')", "json_extract('[1,2,3]', 'x')", "json_extract('[1,2,3]', '$.')",
                "json_extract('[1,2,3]', '$.a')", "json_extract(' [ 1 , 2 ] ', '$')", "json_extract('\"x\\u0000y\"', '$')",
                "json_extract('\"\\ud83d\\ude00\"', '$')", "json_extract('\"\\ud83d\"', '$')", "json_extract(5, '$')",
                "json_extract(-7, '$')", "json_extract(1.5, '$')", "json_extract(x'7b7d', '$')", "json_extract(NULL, '$')",
                "json_extract('{}', NULL)", "json_extract('{\"a\":1,\"b\":2}', '$.a', '$.b', '$.c')",
                "json_extract('{\"a\":1}', '$.a', NULL)", "json_extract('{\"a\":1}', '$.a', 'x')",
                "json_extract('{\"a\":{\"b\":2}}', '$.\"a\".\"b\"')", "json_extract('{\"a\":{\"b\":2}}', '$.a.b.c')",
                "json_extract('{\"a\":1}', '$.a[0]')", "json_extract('{\"0\":1}', '$[0]')", "json_extract('[1,2]', '$[1')",
                "json_extract('[1,2]', '$.a\"')", "json_extract('{\"a\\\"b\":1}', '$.\"a\\\"b\"')",
                "json_extract('{\"a\":1}', '$.\"a')", "json_extract('{\"a\":1}', '$ .a')", "json_extract('{\"a \":1}', '$.a ')",
                "json_extract('{\"a\":[1,2]}', '$.a[#-0]')", "json_extract('{\"a\":[1,2]}', '$.a[#-3]')",
                "json_extract('{\"a\":[1,2]}', '$.a[#- 1]')", "json_extract('{\"a\":[1,2]}', '$.a[99999999999999999999]')",
                "json_extract('{\"a\":[1,2]}', '$.a[4294967296]')", "json_extract('{\"a\":[1,[2,3]]}', '$.a[1][0]')",
                "json_extract('[1,2]', '$.[0]')", "json_extract('{\"\":7}', '$.\"\"')", "json_extract('5 6', '$')",
                "json_extract('[true,false,null]', '$[0]')", "json_extract('[true,false,null]', '$[1]')",
                "json_extract('[true,false,null]', '$[2]')", "json_extract('[1e999]', '$')",
                "json_extract('{\"a\":[1,{\"b\":\"x\"}]}' , '$.a[1]')",
                "'{\"a\":[1,{\"b\":\"x\"}]}' -> '$.a'", "'{\"a\":[1,{\"b\":\"x\"}]}' ->> '$.a[1].b'",
                "'{\"a\":[1,{\"b\":\"x\"}]}' -> '$.a[1].b'", "'{\"a\":[1,{\"b\":\"x\"}]}' -> 'a'", "'[5,6]' -> 1",
                "'[5,6]' -> '1'", "'[5,6]' -> -1", "'[5,6]' -> '[1]'", "'[5,6]' -> 1.0", "'[5,6]' -> x'31'",
                "'{\"1\":7}' -> '1'", "'{\"a.b\":7}' -> 'a.b'", "'{\"a\":[7]}' -> 'a[0]'", "'[[7]]' -> '[0][0]'",
                "'{\"a\":7}' -> ''", "'{\"\":7}' -> '\"\"'", "'{\"a\":null}' -> 'a'", "'{\"a\":null}' ->> 'a'",
                "'{\"a\":true}' -> 'a'", "'{\"a\":1e3}' ->> 'a'", "'{\"a\":1E+3}' -> 'a'", "'{\"a\":-0}' ->> 'a'",
                "'{\"a\":-0.0}' ->> 'a'", "'{\"a\":\"x\\/y\"}' ->> 'a'", "'{\"a\":\"x\\/y\"}' -> 'a'",
                "'{\"a\":{\"b\":[1]}}' -> 'a' -> 'b' ->> 0", "'{\"a\":1}' -> NULL", "NULL -> 'a'", "'{\"a\":1}' ->> '$'",
                "'{\"a b\":7}' -> 'a b'", "'{\"é\":7}' ->> 'é'", "('{\"a\":\"B\"}' ->> 'a') || 'c'",
                "lower('{\"a\":\"ABC\"}' ->> 'a')", "json_extract('{\"a\":\"x\"}', '$.a') = 'x'",
                "json_valid('{\"a\":1}')", "json_valid('{a:1}')", "json_valid('')", "json_valid(NULL)", "json_valid(5)",
                "json_valid(-5.5)", "json_valid(1e300)", "json_valid(x'7b7d')", "json_valid(' {\"a\":1}x')",
                "json_valid('\"\\u0000\"')", "json_valid('\"\\ud800\"')", "json_valid('[-0]')",
                "json_valid('{\"a\":1}', 1)", "json_valid('\"a' || char(9) || 'b\"')",
                "json_valid(char(13) || '1' || char(10))", "json_valid('{\"a\":1}' || char(12))",
                "json_valid('\"a' || char(127) || 'b\"')", "json_valid(CAST(x'22ff22' AS TEXT))",
                "json_extract(CAST(x'22ff22' AS TEXT), '$')", "json_extract('{\"a\":1}' || char(12), '$.a')",
                "json_extract(char(9) || '{\"a\":1}', '$.a')", "json_valid(json_extract('{\"a\":[1]}', '$.a'))",
                "json_extract(json_extract('{\"a\":{\"b\":3}}', '$.a'), '$.b')", "json_extract('[1]')",
                "json_valid(NULL) OR NULL IS NULL", "NULL IS NULL OR json_valid(NULL)", "json_valid(NULL) OR 0",
                "json_valid(NULL) AND 0", "json_valid(NULL) AND 1", "(json_valid(NULL) OR 1) + 1",
                "json_valid(NULL) OR json_valid('[1]')", "NOT json_valid(NULL) OR 1", "abs(json_valid(NULL)) OR 1",
                "CASE WHEN json_valid(NULL) THEN 1 ELSE 0 END", "json_valid(NULL) IS NOT 1", "json_valid(NULL) = 1",
                "coalesce(json_valid(NULL), 0)", "json_valid(NULL) + json_valid(NULL)",
                "typeof(json_valid(NULL))", "json_valid('{}' || char(0) || 'x')",
                "json_extract('{\"a\":1}' || char(0) || 'x', '$.a')", "'[1,2]' || char(0) || ']' ->> 1"));
        out.add("json_valid('" + "[".repeat(600) + "]".repeat(600) + "')");
        out.add("json_valid('" + "[".repeat(400) + "]".repeat(400) + "')");
        return out;
    }

    /** {@code count} expressions over random documents, the same for the same seed. */
    static List<String> random(long seed, int count) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            String doc = rnd.nextInt(12) == 0 ? pick(rnd, BENDS) : value(rnd, 3);
            if (rnd.nextInt(6) == 0) {
                doc = mutate(rnd, doc);
            }
            String lit = literal(doc);
            String path = rnd.nextInt(3) == 0 ? randomPath(rnd) : pathInto(rnd, doc);
            out.add(switch (rnd.nextInt(8)) {
                case 0, 1 -> "json_extract(" + lit + ", " + literal(path) + ")";
                case 2 -> lit + " -> " + literal(path);
                case 3 -> lit + " ->> " + literal(path);
                case 4 -> lit + (rnd.nextBoolean() ? " -> " : " ->> ")
                        + (rnd.nextBoolean() ? literal(pick(rnd, KEYS)) : Integer.toString(rnd.nextInt(4)));
                case 5 -> "json_extract(" + lit + ", " + literal(path) + ", " + literal(randomPath(rnd)) + ")";
                default -> "json_valid(" + lit + ")";
            });
        }
        return out;
    }

    /** One character deleted, replaced or inserted: mostly documents a byte away from sound. */
    private static String mutate(Random rnd, String doc) {
        String chars = "{}[],:\"\\ 0159-+.eEtfnul\u0001\t\u00e9xu";
        int at = doc.isEmpty() ? 0 : rnd.nextInt(doc.length());
        char c = chars.charAt(rnd.nextInt(chars.length()));
        boolean inPair = !doc.isEmpty()
                && (Character.isSurrogate(doc.charAt(at)) || (at > 0 && Character.isSurrogate(doc.charAt(at - 1))));
        if (inPair) {
            return doc; // never split a surrogate pair: SQL text is UTF-8
        }
        return switch (doc.isEmpty() ? 2 : rnd.nextInt(3)) {
            case 0 -> doc.substring(0, at) + doc.substring(at + 1);
            case 1 -> doc.substring(0, at) + c + doc.substring(at + 1);
            default -> doc.substring(0, at) + c + doc.substring(at);
        };
    }

    private static String value(Random rnd, int depth) {
        int kind = rnd.nextInt(depth <= 0 ? 4 : 7);
        String v = switch (kind) {
            case 0 -> "\"" + pick(rnd, STRINGS) + "\"";
            case 1 -> rnd.nextBoolean() ? pick(rnd, NUMBERS) : randomNumber(rnd);
            case 2 -> pick(rnd, new String[] {"true", "false", "null"});
            case 3 -> "\"" + pick(rnd, STRINGS) + pick(rnd, STRINGS) + "\"";
            case 4, 5 -> {
                StringBuilder b = new StringBuilder("{");
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : "," + space(rnd)).append('"').append(pick(rnd, KEYS)).append('"')
                            .append(space(rnd)).append(':').append(space(rnd)).append(value(rnd, depth - 1));
                }
                yield b.append(space(rnd)).append('}').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("[");
                int n = rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",").append(space(rnd)).append(value(rnd, depth - 1));
                }
                yield b.append(']').toString();
            }
        };
        return space(rnd) + v + space(rnd);
    }

    private static String randomNumber(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> Long.toString(rnd.nextLong() >> rnd.nextInt(64));
            case 1 -> Double.toString(Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL)).replace("E", "e");
            case 2 -> (rnd.nextBoolean() ? "-" : "") + rnd.nextInt(1000) + "." + String.format("%017d", rnd.nextLong() & Long.MAX_VALUE).substring(0, 1 + rnd.nextInt(17));
            default -> Double.toString(rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20));
        };
    }

    private static String space(Random rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> " ";
            case 1 -> "\n";
            case 2 -> "\t";
            case 3 -> " \r\n ";
            default -> "";
        };
    }

    /** A path that follows the document's own first keys and indexes as far as a random depth (text-level). */
    private static String pathInto(Random rnd, String doc) {
        JsonReader.Result r = JsonReader.read(doc);
        if (!(r instanceof JsonReader.Document d)) {
            return randomPath(rnd);
        }
        StringBuilder p = new StringBuilder("$");
        JsonNode at = d.root();
        int steps = rnd.nextInt(4);
        for (int s = 0; s < steps; s++) {
            if (at instanceof JsonNode.Obj o && !o.members().isEmpty()) {
                JsonNode.Member m = o.members().get(rnd.nextInt(o.members().size()));
                p.append(m.rawKey().matches("[A-Za-zé0-9 ]+") && rnd.nextBoolean() ? "." + m.rawKey() : ".\"" + m.rawKey() + "\"");
                at = m.value();
            } else if (at instanceof JsonNode.Arr a && !a.elements().isEmpty()) {
                int i = rnd.nextInt(a.elements().size() + 1);
                p.append(rnd.nextBoolean() ? "[" + i + "]" : "[#-" + (a.elements().size() - i + 1) + "]");
                at = i < a.elements().size() ? a.elements().get(i) : null;
            } else {
                break;
            }
        }
        return p.toString();
    }

    private static String randomPath(Random rnd) {
        return pick(rnd, new String[] {"$", "$.a", "$.b.c", "$[0]", "$[1]", "$[#-1]", "$[#]", "$.\"a b\"", "$.x.y",
            "$.\"x.y\"", "$.dup", "$[0].a", "$.a[0]", "$.é", "$.0", "a", "$.", "$[", "$.A"});
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String pick(Random rnd, String[] a) {
        return a[rnd.nextInt(a.length)];
    }
}
