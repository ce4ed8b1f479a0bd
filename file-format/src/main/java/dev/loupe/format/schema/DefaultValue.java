package dev.loupe.format.schema;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A column's DEFAULT clause. {@code text} is what PRAGMA table_xinfo reports as dflt_value: the clause as written,
 * without the enclosing parentheses of DEFAULT (expr). For a constant literal ({@code constant} true) {@code value}
 * is its value before any column affinity: a Long (integers, 0x hex, TRUE/FALSE), a Double (reals and integers too
 * large for 64 bits), a String (strings and bare identifiers, which SQLite takes as strings), a byte[] (x'..'), or
 * null (NULL). Signs and parentheses around a literal are applied. {@code constant} is false, and {@code value}
 * null, for CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP and other expressions, which are not evaluated here. Use
 * {@link Affinity#apply} for the value SQLite stores in a column of a given affinity.
 */
public record DefaultValue(String text, Object value, boolean constant) {

    @Override
    public boolean equals(Object o) {
        return o instanceof DefaultValue d && Objects.equals(text, d.text) && Objects.deepEquals(value, d.value)
                && constant == d.constant;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, constant) * 31 + (value instanceof byte[] b ? Arrays.hashCode(b)
                : Objects.hashCode(value));
    }

    @Override
    public String toString() {
        String v = value instanceof byte[] b ? "x'" + HexFormat.of().formatHex(b) + "'" : String.valueOf(value);
        return "DefaultValue[text=" + text + ", value=" + v + ", constant=" + constant + "]";
    }
}
