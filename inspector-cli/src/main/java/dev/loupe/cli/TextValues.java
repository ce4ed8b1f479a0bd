package dev.loupe.cli;

import dev.loupe.format.record.SqlLiteral;
import dev.loupe.format.record.Value;

/** Values as SQL literals, like the sqlite3 shell's {@code .mode quote}: 'text', X'blob', NULL, numbers. */
final class TextValues {

    private TextValues() {
    }

    static String literal(Value v) {
        return SqlLiteral.of(v);
    }
}
