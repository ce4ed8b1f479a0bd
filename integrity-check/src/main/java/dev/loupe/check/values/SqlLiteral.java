package dev.loupe.check.values;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.RealFormat;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

import java.util.Arrays;
import java.util.Locale;

/** A value written as an SQL literal: keys of WITHOUT ROWID rows, values in messages. */
final class SqlLiteral {

    /** Longest text or blob shown in a message before it is cut. */
    static final int BRIEF = 40;

    private SqlLiteral() {
    }

    /** The full literal ('it''s', X'00FF', 1.5, NULL), as SQLite's quote() writes it. */
    static String of(Value v) {
        if (v instanceof RealValue r) {
            return RealFormat.sqlite(r.value());
        }
        if (v instanceof BlobValue b) {
            return "X'" + b.hex().toUpperCase(Locale.ROOT) + "'";
        }
        return String.valueOf(v);
    }

    /** The literal cut to about {@link #BRIEF} characters, for messages. */
    static String brief(Value v) {
        if (v instanceof TextValue t && t.value().length() > BRIEF) {
            return of(new TextValue(t.value().substring(0, BRIEF))) + "... (" + t.value().length() + " characters)";
        }
        if (v instanceof BlobValue b && b.value().length > BRIEF / 2) {
            byte[] head = Arrays.copyOf(b.value(), BRIEF / 2);
            return of(new BlobValue(head)) + "... (" + b.value().length + " bytes)";
        }
        return of(v);
    }
}
