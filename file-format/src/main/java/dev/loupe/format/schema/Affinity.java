package dev.loupe.format.schema;

import dev.loupe.format.record.RealFormat;

/** Column affinity (datatype3 §3). */
public enum Affinity {
    TEXT, NUMERIC, INTEGER, REAL, BLOB;

    /**
     * The affinity of a declared type by the rules of datatype3 §3.1, applied in order: contains "INT" → INTEGER;
     * "CHAR", "CLOB" or "TEXT" → TEXT; "BLOB" or no type → BLOB; "REAL", "FLOA" or "DOUB" → REAL; otherwise NUMERIC.
     * Matching is case-insensitive on the type text as SQLite stores it (quotes removed).
     */
    public static Affinity of(String declaredType) {
        if (declaredType == null || declaredType.isEmpty()) {
            return BLOB;
        }
        String t = AsciiCase.upper(declaredType);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.contains("BLOB")) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    /**
     * The value SQLite gives back for {@code value} (Long, Double, String, byte[] or null) stored in a column of this
     * affinity (datatype3 §3.4): TEXT renders numbers as text; NUMERIC and INTEGER turn well-formed numeric text into
     * an integer when it is exactly one, else a real, and integral reals into integers; REAL does the same and then
     * reads back as a real; BLOB changes nothing. Text that is not entirely a number (hex included) stays text.
     */
    public Object apply(Object value) {
        if (value == null || value instanceof byte[]) {
            return value;
        }
        switch (this) {
            case BLOB:
                return value;
            case TEXT:
                if (value instanceof Long l) {
                    return Long.toString(l);
                }
                if (value instanceof Double d) {
                    return RealFormat.sqlite(d);
                }
                return value;
            default:
                break;
        }
        Object number = value;
        if (value instanceof String s) {
            number = NumericText.parse(s);
            if (number == null) {
                return value;
            }
        }
        if (number instanceof Double d) {
            number = integralOrSame(d);
        }
        if (this == REAL && number instanceof Long l) {
            return (double) l;
        }
        return number;
    }

    /** sqlite3VdbeIntegerAffinity: a real that is exactly an integer strictly inside the i64 range becomes it. */
    private static Object integralOrSame(double d) {
        if (d > -9.223372036854775808E18 && d < 9.223372036854775808E18) {
            long l = (long) d;
            if ((double) l == d && l != Long.MIN_VALUE && l != Long.MAX_VALUE) {
                return l;
            }
        }
        return d;
    }
}
