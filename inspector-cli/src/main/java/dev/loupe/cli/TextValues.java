package dev.loupe.cli;

import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealFormat;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;

/** Values as SQL literals, like the sqlite3 shell's {@code .mode quote}: 'text', X'blob', NULL, numbers. */
final class TextValues {

    private TextValues() {
    }

    static String literal(Value v) {
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
            return "X'" + b.hex().toUpperCase(java.util.Locale.ROOT) + "'";
        }
        return "NULL";
    }
}
