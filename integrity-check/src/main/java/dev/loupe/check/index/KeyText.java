package dev.loupe.check.index;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.RealFormat;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.Value;

import java.util.ArrayList;
import java.util.List;

/** Index keys and rowids as a finding's {@code keys} carry them: SQL literals, as quote() writes them. */
final class KeyText {

    private KeyText() {
    }

    static String literal(Value v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof RealValue r) {
            return RealFormat.sqlite(r.value());
        }
        if (v instanceof BlobValue b) {
            return "X'" + b.hex().toUpperCase(java.util.Locale.ROOT) + "'";
        }
        return v.toString();
    }

    static List<String> literals(List<Value> values, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, values.size()); i++) {
            out.add(literal(values.get(i)));
        }
        return out;
    }

    /** Longest literal a message quotes in full; longer ones are cut (the finding's keys keep them whole). */
    static final int MESSAGE_LITERAL = 48;

    /** "(v1, v2, ...)" for messages, each value cut to {@link #MESSAGE_LITERAL} characters with its length noted. */
    static String tuple(List<Value> values, int n) {
        List<String> shown = new ArrayList<>();
        for (String l : literals(values, n)) {
            shown.add(l.length() <= MESSAGE_LITERAL ? l
                    : l.substring(0, MESSAGE_LITERAL - 8) + "...(" + l.length() + " chars)");
        }
        return "(" + String.join(", ", shown) + ")";
    }
}
