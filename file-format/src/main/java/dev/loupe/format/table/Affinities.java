package dev.loupe.format.table;

import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealFormat;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;


/**
 * Column affinity as SQLite applies it to values it reads (datatype3.html §3): a REAL column returns stored
 * integers as reals; default values of columns added by ALTER TABLE get the column's affinity too.
 */
final class Affinities {

    private Affinities() {
    }

    /** What OP_Column plus OP_RealAffinity give for a stored value: only REAL affinity changes anything. */
    static Value onRead(Affinity affinity, Value v) {
        if (affinity == Affinity.REAL && v instanceof IntegerValue i) {
            return new RealValue(i.value());
        }
        return v;
    }

    /** A default value converted as SQLite converts a value stored into a column of this affinity. */
    static Value onStore(Affinity affinity, Value v) {
        if (affinity == null) {
            return v;
        }
        switch (affinity) {
            case TEXT:
                if (v instanceof IntegerValue i) {
                    return new TextValue(Long.toString(i.value()));
                }
                if (v instanceof RealValue r) {
                    return new TextValue(realText(r.value()));
                }
                return v;
            case NUMERIC:
            case INTEGER:
                if (v instanceof TextValue t) {
                    Value n = parseNumber(t.value());
                    return n == null ? v : n;
                }
                if (v instanceof RealValue r && isExactLong(r.value())) {
                    return IntegerValue.of((long) r.value());
                }
                return v;
            case REAL:
                if (v instanceof TextValue t) {
                    Value n = parseNumber(t.value());
                    if (n instanceof IntegerValue i) {
                        return new RealValue(i.value());
                    }
                    return n == null ? v : n;
                }
                return onRead(affinity, v);
            default:
                return v;
        }
    }

    private static boolean isExactLong(double d) {
        return d == Math.rint(d) && d >= -9.223372036854775808E18 && d < 9.223372036854775808E18;
    }

    /** A text that is a well-formed number (leading/trailing spaces allowed) as integer or real; else null. */
    private static Value parseNumber(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return IntegerValue.of(Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
        } catch (NumberFormatException e) {
            // not an integer literal; try a real
        }
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double d = Double.parseDouble(t);
        return isExactLong(d) ? IntegerValue.of((long) d) : new RealValue(d);
    }

    private static String realText(double d) {
        return RealFormat.sqlite(d);
    }
}
