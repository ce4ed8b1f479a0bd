package dev.loupe.check;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.SqlLiteral;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Values as findings show them: a finding's {@code keys} carry whole SQL literals ({@link SqlLiteral}); messages
 * carry them cut short, so that a 20 KB key does not flood a report.
 */
public final class Literals {

    /** Longest literal a key tuple in a message quotes in full. */
    static final int MESSAGE_LITERAL = 48;
    /** Longest text (characters) or, halved, blob (bytes) a value in a message shows before it is cut. */
    static final int BRIEF = 40;

    private Literals() {
    }

    /** The first {@code n} values as whole literals (a missing value is NULL). */
    public static List<String> of(List<Value> values, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, values.size()); i++) {
            out.add(SqlLiteral.of(values.get(i)));
        }
        return out;
    }

    /** "(v1, v2, ...)" for messages, each literal cut to {@link #MESSAGE_LITERAL} characters with its length noted. */
    public static String tuple(List<Value> values, int n) {
        List<String> shown = new ArrayList<>();
        for (String l : of(values, n)) {
            shown.add(l.length() <= MESSAGE_LITERAL ? l
                    : l.substring(0, MESSAGE_LITERAL - 8) + "...(" + l.length() + " chars)");
        }
        return "(" + String.join(", ", shown) + ")";
    }

    /** One value for a message: text cut to about {@link #BRIEF} characters, a blob to half as many bytes. */
    public static String brief(Value v) {
        if (v instanceof TextValue t && t.value().length() > BRIEF) {
            return SqlLiteral.of(new TextValue(t.value().substring(0, BRIEF))) + "... (" + t.value().length()
                    + " characters)";
        }
        if (v instanceof BlobValue b && b.value().length > BRIEF / 2) {
            byte[] head = Arrays.copyOf(b.value(), BRIEF / 2);
            return SqlLiteral.of(new BlobValue(head)) + "... (" + b.value().length + " bytes)";
        }
        return SqlLiteral.of(v);
    }
}
