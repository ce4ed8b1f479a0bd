package dev.loupe.format.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON document as RFC 8259 text, the grammar both SQLite 3.40 and later versions accept: whitespace is
 * space, tab, newline and carriage return; numbers are {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?};
 * strings hold no control character, and a backslash in them is followed by one of {@code " \ / b f n r t} or by
 * {@code u} and four hex digits.
 *
 * <p>Text outside that grammar is {@link #read refused}. SQLite 3.40 calls such text malformed; versions from 3.42
 * read some of it as JSON5 ({@code {a:1}}, {@code [1,]}, {@code .5}, a tab inside a string), so a value computed
 * from it depends on the SQLite that computed it. Both call it not valid ({@code json_valid} is 0 in either).
 * Nesting deeper than {@link #MAX_DEPTH} is refused too: SQLite's own limit has changed between versions.
 * Work and memory are linear in the text, and the recursion is at most {@link #MAX_DEPTH} deep.
 */
final class JsonReader {

    /** Below both SQLite 3.40's limit (2000) and later versions' (1000). */
    static final int MAX_DEPTH = 500;

    /** What {@link #read} found: a document, or why it is not one. */
    sealed interface Result {
    }

    record Document(JsonNode root) implements Result {
    }

    /** Outside RFC 8259 (SQLite 3.40: malformed; later versions may read it as JSON5). */
    record Refused(String reason) implements Result {
    }

    /** Nested deeper than {@link #MAX_DEPTH}: whether SQLite reads it depends on its version. */
    record TooDeep() implements Result {
    }

    private final String s;
    private int i;
    private int depth;

    private JsonReader(String s) {
        this.s = s;
    }

    static Result read(String text) {
        JsonReader r = new JsonReader(text);
        try {
            r.space();
            JsonNode root = r.value();
            r.space();
            if (r.i != text.length()) {
                return new Refused("text after the JSON value at " + r.i);
            }
            return new Document(root);
        } catch (Malformed m) {
            return m.deep ? new TooDeep() : new Refused(m.getMessage());
        }
    }

    private JsonNode value() {
        if (i >= s.length()) {
            throw new Malformed("JSON ends early", false);
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return new JsonNode.Str(string());
            case 't':
                return word("true", JsonNode.Literal.TRUE);
            case 'f':
                return word("false", JsonNode.Literal.FALSE);
            case 'n':
                return word("null", JsonNode.Literal.NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new Malformed("unexpected '" + c + "' at " + i, false);
        }
    }

    private JsonNode object() {
        enter();
        i++;
        List<JsonNode.Member> members = new ArrayList<>();
        space();
        if (peek() == '}') {
            i++;
            depth--;
            return new JsonNode.Obj(members);
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw new Malformed("object key expected at " + i, false);
            }
            String key = string();
            space();
            expect(':');
            space();
            members.add(new JsonNode.Member(key, value()));
            space();
            if (peek() == ',') {
                i++;
                continue;
            }
            expect('}');
            depth--;
            return new JsonNode.Obj(members);
        }
    }

    private JsonNode array() {
        enter();
        i++;
        List<JsonNode> elements = new ArrayList<>();
        space();
        if (peek() == ']') {
            i++;
            depth--;
            return new JsonNode.Arr(elements);
        }
        while (true) {
            space();
            elements.add(value());
            space();
            if (peek() == ',') {
                i++;
                continue;
            }
            expect(']');
            depth--;
            return new JsonNode.Arr(elements);
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new Malformed("nested deeper than " + MAX_DEPTH, true);
        }
    }

    /** The text between the quotes at the cursor, escapes checked but not undone; the cursor ends past the quote. */
    private String string() {
        int start = ++i;
        while (true) {
            if (i >= s.length()) {
                throw new Malformed("string not closed", false);
            }
            char c = s.charAt(i);
            if (c == '"') {
                String raw = s.substring(start, i);
                i++;
                return raw;
            }
            if (c < 0x20) {
                throw new Malformed("control character in a string at " + i, false);
            }
            if (c == '\\') {
                char e = i + 1 < s.length() ? s.charAt(i + 1) : 0;
                if (e == 'u') {
                    if (i + 6 > s.length() || !hex4(i + 2)) {
                        throw new Malformed("bad \\u escape at " + i, false);
                    }
                    i += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(e) < 0 || e == 0) {
                    throw new Malformed("bad escape at " + i, false);
                }
                i += 2;
                continue;
            }
            i++;
        }
    }

    private boolean hex4(int at) {
        for (int k = at; k < at + 4; k++) {
            char c = s.charAt(k);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private JsonNode number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        int intStart = i;
        digits();
        if (i == intStart || (s.charAt(intStart) == '0' && i - intStart > 1)) {
            throw new Malformed("bad number at " + start, false);
        }
        boolean integral = true;
        if (peek() == '.') {
            i++;
            int f = i;
            digits();
            if (i == f) {
                throw new Malformed("bad number at " + start, false);
            }
            integral = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            if (peek() == '+' || peek() == '-') {
                i++;
            }
            int e = i;
            digits();
            if (i == e) {
                throw new Malformed("bad number at " + start, false);
            }
            integral = false;
        }
        return new JsonNode.Num(s.substring(start, i), integral);
    }

    private void digits() {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
    }

    private JsonNode word(String w, JsonNode.Literal node) {
        if (!s.startsWith(w, i)) {
            throw new Malformed("unexpected word at " + i, false);
        }
        i += w.length();
        return node;
    }

    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new Malformed("'" + c + "' expected at " + i, false);
        }
        i++;
    }

    /** Unwinds a refused read; no stack trace (refusals are common input, not faults). */
    private static final class Malformed extends RuntimeException {
        final boolean deep;

        Malformed(String reason, boolean deep) {
            super(reason, null, false, false);
            this.deep = deep;
        }
    }
}
