package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Keys shown in a line of text or a JSON summary, abbreviated so that a 20 KB key does not flood the output: text
 * longer than {@value #MAX_TEXT} characters is cut and ends with "…", a blob longer than {@value #MAX_BLOB} bytes
 * shows its first bytes (and, in JSON, its full length).
 */
final class KeyText {

    static final int MAX_TEXT = 40;
    static final int MAX_BLOB = 16;

    private KeyText() {
    }

    /** One value as an abbreviated SQL literal. */
    static String literal(Value v) {
        if (v == null) {
            return "?";
        }
        if (v instanceof TextValue t && t.value().length() > MAX_TEXT) {
            return TextValues.literal(new TextValue(cut(t.value()))) ;
        }
        if (v instanceof BlobValue b && b.value().length > MAX_BLOB) {
            return "X'" + HexFormat.of().formatHex(b.value(), 0, MAX_BLOB).toUpperCase(Locale.ROOT) + "…'";
        }
        return TextValues.literal(v);
    }

    /** A key: one value alone, several in parentheses. */
    static String key(List<Value> key) {
        if (key == null) {
            return "?";
        }
        if (key.size() == 1) {
            return literal(key.get(0));
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < key.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(literal(key.get(i)));
        }
        return sb.append(')').toString();
    }

    static JsonNode json(List<Value> key) {
        if (key == null) {
            return JsonValues.NODES.nullNode();
        }
        ArrayNode a = JsonValues.NODES.arrayNode();
        for (Value v : key) {
            if (v instanceof TextValue t && t.value().length() > MAX_TEXT) {
                a.add(cut(t.value()));
            } else if (v instanceof BlobValue b && b.value().length > MAX_BLOB) {
                ObjectNode o = a.addObject();
                o.put("blob", HexFormat.of().formatHex(Arrays.copyOf(b.value(), MAX_BLOB)));
                o.put("length", b.value().length);
            } else {
                a.add(v == null ? JsonValues.NODES.nullNode() : JsonValues.value(v));
            }
        }
        return a;
    }

    private static String cut(String s) {
        int end = s.offsetByCodePoints(0, Math.min(MAX_TEXT, s.codePointCount(0, s.length())));
        return s.substring(0, end) + "…";
    }
}
