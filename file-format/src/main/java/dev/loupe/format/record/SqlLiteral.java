package dev.loupe.format.record;

import java.util.Locale;

/** A value written as an SQL literal, as SQLite's quote() writes it: NULL, 42, 1.5, 'it''s', X'00FF'. */
public final class SqlLiteral {

    private SqlLiteral() {
    }

    /** The literal of {@code v}; a missing value (null) is NULL. Reals as SQLite prints them (%!.15g). */
    public static String of(Value v) {
        if (v instanceof IntegerValue i) {
            return Long.toString(i.value());
        }
        if (v instanceof RealValue r) {
            return RealFormat.sqlite(r.value());
        }
        if (v instanceof TextValue t) {
            return "'" + t.value().replace("'", "''") + "'";
        }
        if (v instanceof BlobValue b) {
            return "X'" + b.hex().toUpperCase(Locale.ROOT) + "'";
        }
        return "NULL";
    }
}
