package dev.loupe.format.expr;

import java.util.List;

/**
 * A JSON value as SQLite's JSON functions (json1.html) read RFC 8259 text: the tree {@link JsonReader} builds from
 * a document, with each string and number kept as the text it was written in. SQLite keeps those tokens too: a
 * subtree it returns as JSON (an object or array from {@code json_extract}, anything from {@code ->}) is the
 * document's own tokens with the whitespace between them left out, escapes and number spellings untouched
 * ({@code {"b":1.50,"c":"x\\u0041"}} stays so, the escape included).
 */
sealed interface JsonNode {

    /** The minified JSON text of this value, as SQLite renders it. */
    default String render() {
        StringBuilder b = new StringBuilder();
        render(b);
        return b.toString();
    }

    void render(StringBuilder b);

    /** An object: its members in document order, duplicates kept (SQLite's lookups take the first). */
    record Obj(List<Member> members) implements JsonNode {
        @Override
        public void render(StringBuilder b) {
            b.append('{');
            for (int i = 0; i < members.size(); i++) {
                Member m = members.get(i);
                b.append(i == 0 ? "" : ",").append('"').append(m.rawKey()).append("\":");
                m.value().render(b);
            }
            b.append('}');
        }
    }

    /** An object member; the key as written between its quotes, escapes not undone. */
    record Member(String rawKey, JsonNode value) {
    }

    record Arr(List<JsonNode> elements) implements JsonNode {
        @Override
        public void render(StringBuilder b) {
            b.append('[');
            for (int i = 0; i < elements.size(); i++) {
                b.append(i == 0 ? "" : ",");
                elements.get(i).render(b);
            }
            b.append(']');
        }
    }

    /** A string; {@code raw} is what lies between the quotes, escapes not undone. */
    record Str(String raw) implements JsonNode {
        @Override
        public void render(StringBuilder b) {
            b.append('"').append(raw).append('"');
        }
    }

    /** A number as written; {@code integral} when it has neither fraction nor exponent. */
    record Num(String text, boolean integral) implements JsonNode {
        @Override
        public void render(StringBuilder b) {
            b.append(text);
        }
    }

    /** {@code true}, {@code false} or {@code null}. */
    enum Literal implements JsonNode {
        TRUE("true"), FALSE("false"), NULL("null");

        private final String text;

        Literal(String text) {
            this.text = text;
        }

        @Override
        public void render(StringBuilder b) {
            b.append(text);
        }
    }
}
