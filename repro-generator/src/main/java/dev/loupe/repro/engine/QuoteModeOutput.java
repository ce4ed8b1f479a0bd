package dev.loupe.repro.engine;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads what the sqlite3 shell prints for one statement in {@code .mode quote} with {@code .headers on}: a header
 * line of quoted column names, then one line per row of comma-separated SQL literals. The literal's form gives the
 * storage class exactly: 'text' (quotes doubled; newlines and commas appear as they are), X'hex' blob, NULL,
 * digits for an integer, and for a real a number with a '.' or an exponent, or Inf / -Inf.
 * A real is printed with up to 20 significant digits, enough to read back the same double.
 */
final class QuoteModeOutput {

    private final String s;
    private int pos;

    private QuoteModeOutput(String s) {
        this.s = s;
    }

    /** The rows in {@code section}; throws IllegalArgumentException when it is not quote-mode output. */
    static Outcome.Rows parse(String section) {
        QuoteModeOutput p = new QuoteModeOutput(section);
        if (section.isEmpty()) {
            return Outcome.Rows.NONE;
        }
        List<Value> header = p.line();
        List<String> columns = new ArrayList<>();
        for (Value v : header) {
            if (!(v instanceof Value.Text t)) {
                throw new IllegalArgumentException("header is not quoted names: " + header);
            }
            columns.add(t.value());
        }
        List<List<Value>> rows = new ArrayList<>();
        while (p.pos < section.length()) {
            List<Value> row = p.line();
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " values under " + columns.size()
                        + " columns");
            }
            rows.add(row);
        }
        return new Outcome.Rows(columns, rows);
    }

    private List<Value> line() {
        List<Value> values = new ArrayList<>();
        while (true) {
            values.add(value());
            if (pos >= s.length()) {
                throw new IllegalArgumentException("line does not end");
            }
            char c = s.charAt(pos++);
            if (c == '\n') {
                return values;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected ',' at " + (pos - 1));
            }
        }
    }

    private Value value() {
        if (s.startsWith("'", pos)) {
            return new Value.Text(quoted());
        }
        if (s.startsWith("X'", pos)) {
            pos++;
            return new Value.Blob(HexFormat.of().parseHex(quoted()));
        }
        int end = pos;
        while (end < s.length() && s.charAt(end) != ',' && s.charAt(end) != '\n') {
            end++;
        }
        String token = s.substring(pos, end);
        pos = end;
        if (token.equals("NULL")) {
            return Value.NULL;
        }
        if (token.equals("Inf")) {
            return new Value.Real(Double.POSITIVE_INFINITY);
        }
        if (token.equals("-Inf")) {
            return new Value.Real(Double.NEGATIVE_INFINITY);
        }
        if (!token.matches("-?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?")) {
            throw new IllegalArgumentException("not a literal: " + token);
        }
        if (token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0) {
            return new Value.Int(Long.parseLong(token));
        }
        return new Value.Real(Double.parseDouble(token));
    }

    /** A '...' literal from pos, with doubled quotes undone. */
    private String quoted() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\'') {
                if (pos < s.length() && s.charAt(pos) == '\'') {
                    b.append('\'');
                    pos++;
                    continue;
                }
                return b.toString();
            }
            b.append(c);
        }
        throw new IllegalArgumentException("unterminated quote");
    }
}
