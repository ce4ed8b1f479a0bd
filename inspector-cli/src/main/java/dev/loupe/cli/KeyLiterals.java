package dev.loupe.cli;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Parses a comma-separated list of SQL literals typed on the command line (find --key): integers, reals,
 * 'text' (with '' for a quote), X'hex' blobs and NULL. A mistake is a usage error naming the position.
 */
final class KeyLiterals {

    private final String s;
    private int pos;

    private KeyLiterals(String s) {
        this.s = s;
    }

    static List<Value> parse(String text) {
        KeyLiterals p = new KeyLiterals(text);
        List<Value> out = new ArrayList<>();
        while (true) {
            p.skipSpaces();
            out.add(p.literal());
            p.skipSpaces();
            if (p.pos == p.s.length()) {
                return out;
            }
            if (p.s.charAt(p.pos) != ',') {
                throw p.error("expected ',' between values");
            }
            p.pos++;
        }
    }

    private Value literal() {
        if (pos >= s.length()) {
            throw error("expected a value");
        }
        char c = s.charAt(pos);
        if (c == '\'') {
            return new TextValue(quoted());
        }
        if ((c == 'x' || c == 'X') && pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
            int at = pos;
            pos++;
            String hex = quoted();
            if (hex.length() % 2 != 0 || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                pos = at;
                throw error("a blob literal needs an even number of hex digits");
            }
            return new BlobValue(HexFormat.of().parseHex(hex));
        }
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != ',' && !Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
        String word = s.substring(start, pos);
        if (word.toUpperCase(Locale.ROOT).equals("NULL")) {
            return NullValue.INSTANCE;
        }
        if (word.matches("[+-]?\\d+")) {
            try {
                return IntegerValue.of(Long.parseLong(word));
            } catch (NumberFormatException e) {
                return new RealValue(Double.parseDouble(word)); // beyond 64 bits SQLite reads a real
            }
        }
        if (word.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return new RealValue(Double.parseDouble(word));
        }
        pos = start;
        throw error("'" + word + "' is not an SQL literal (integer, real, 'text', X'hex' or NULL)");
    }

    private String quoted() {
        StringBuilder sb = new StringBuilder();
        int start = pos;
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\'') {
                if (pos < s.length() && s.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        pos = start;
        throw error("unterminated quoted value");
    }

    private void skipSpaces() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private UserError error(String what) {
        return new UserError(ExitCode.USAGE, "--key: " + what + " at character " + (pos + 1) + " of \"" + s + "\"");
    }
}
