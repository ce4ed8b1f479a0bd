package dev.loupe.format.record;

import dev.loupe.format.header.TextEncoding;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * sqlite3MemCompare: NULL < INTEGER and REAL (compared by exact numeric value) < TEXT (by collation) < BLOB
 * (memcmp, then length). No affinity is applied here. The one value order of the reader: index keys
 * ({@code find.KeyComparator}) and expressions ({@code expr.Evaluator}) both use it.
 */
public final class ValueOrder {

    private ValueOrder() {
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b} in a database of {@code encoding}. */
    public static int compare(Value a, Value b, Collation collation, TextEncoding encoding) {
        int ca = rank(a);
        int cb = rank(b);
        if (ca != cb) {
            return Integer.compare(ca, cb);
        }
        return switch (ca) {
            case 0 -> 0;
            case 1 -> numeric(a, b);
            case 2 -> collation.compare(((TextValue) a).value(), ((TextValue) b).value(), encoding);
            default -> Integer.signum(Arrays.compareUnsigned(((BlobValue) a).value(), ((BlobValue) b).value()));
        };
    }

    private static int rank(Value v) {
        if (v instanceof NullValue) {
            return 0;
        }
        if (v instanceof IntegerValue || v instanceof RealValue) {
            return 1;
        }
        return v instanceof TextValue ? 2 : 3;
    }

    private static int numeric(Value a, Value b) {
        if (a instanceof IntegerValue x && b instanceof IntegerValue y) {
            return Long.compare(x.value(), y.value());
        }
        if (a instanceof RealValue x && b instanceof RealValue y) {
            return Double.compare(x.value() + 0.0, y.value() + 0.0);
        }
        if (a instanceof IntegerValue x) {
            return integerVersusReal(x.value(), ((RealValue) b).value());
        }
        return -integerVersusReal(((IntegerValue) b).value(), ((RealValue) a).value());
    }

    /** sqlite3IntFloatCompare: exact, so 2^63-1 and 9.223372036854775807e18 differ. */
    static int integerVersusReal(long i, double r) {
        if (Double.isInfinite(r)) {
            return r > 0 ? -1 : 1;
        }
        if (i >= -(1L << 53) && i <= (1L << 53)) {
            // every integer of this size is exactly a double: compare as doubles (-0.0 equals 0, as in SQLite)
            double d = i;
            return d < r ? -1 : d > r ? 1 : 0;
        }
        return new BigDecimal(i).compareTo(new BigDecimal(r));
    }
}
