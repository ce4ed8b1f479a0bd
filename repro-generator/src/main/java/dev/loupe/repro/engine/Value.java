package dev.loupe.repro.engine;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One value of a result row, typed by SQLite's storage class, so that engines compare exactly: the integer 1, the
 * real 1.0, the text '1' and the blob x'31' are four different values.
 */
public sealed interface Value {

    /** The storage class name, as SQL's typeof() says it. */
    String typeName();

    /** The value as an SQL literal (a real prints with enough digits to read back the same double). */
    String literal();

    record Int(long value) implements Value {
        @Override
        public String typeName() {
            return "integer";
        }

        @Override
        public String literal() {
            return Long.toString(value);
        }
    }

    /**
     * A real, compared by value as SQLite compares reals: -0.0 equals 0.0 (the sqlite3 shell cannot even show the
     * sign), so it is kept as 0.0. SQLite itself never returns NaN (it turns NaN into NULL); another engine that
     * does gets a NaN real, equal to another NaN and to nothing else.
     */
    record Real(double value) implements Value {
        public Real {
            if (value == 0.0) {
                value = 0.0; // drops the sign of -0.0
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Real r && Double.compare(value, r.value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }

        @Override
        public String typeName() {
            return "real";
        }

        @Override
        public String literal() {
            if (Double.isNaN(value)) {
                return "NaN";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? "Inf" : "-Inf";
            }
            return Double.toString(value);
        }
    }

    record Text(String value) implements Value {
        @Override
        public String typeName() {
            return "text";
        }

        @Override
        public String literal() {
            return "'" + value.replace("'", "''") + "'";
        }
    }

    /** A blob; equality is by content. */
    record Blob(byte[] bytes) implements Value {
        public Blob {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public int length() {
            return bytes.length;
        }

        public String hex() {
            return HexFormat.of().formatHex(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Blob b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Blob[" + hex() + "]";
        }

        @Override
        public String typeName() {
            return "blob";
        }

        @Override
        public String literal() {
            return "X'" + hex() + "'";
        }
    }

    record Null() implements Value {
        @Override
        public String typeName() {
            return "null";
        }

        @Override
        public String literal() {
            return "NULL";
        }
    }

    Null NULL = new Null();
}
