package dev.loupe.format.find;

import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.IndexedColumn;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Orders index records against a search key as SQLite's record comparison does (vdbeaux.c,
 * sqlite3VdbeRecordCompare): column by column, NULL before numbers (integers and reals compared by exact value)
 * before text (by the column's collation) before blobs (memcmp, then length); a DESC column reverses its order.
 * Only the key's columns are compared, so a shorter key matches every record it is a prefix of.
 */
public final class KeyComparator {

    private final KeyCollation[] collations;
    private final boolean[] descending;
    private final TextEncoding encoding;

    /**
     * @param columns the record's columns as the index or WITHOUT ROWID table declares them (collation, DESC); a
     *                collation SQLite does not build in is compared as BINARY
     */
    public KeyComparator(List<IndexedColumn> columns, TextEncoding encoding) {
        this.collations = new KeyCollation[columns.size()];
        this.descending = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            KeyCollation c = KeyCollation.named(columns.get(i).collation());
            collations[i] = c == null ? KeyCollation.BINARY : c;
            descending[i] = columns.get(i).descending();
        }
        this.encoding = encoding;
    }

    /**
     * Negative when {@code record} sorts before {@code key}, zero when its first key.size() values equal the key,
     * positive when after. A record with fewer values than the key sorts before it where its values run out.
     */
    public int compare(List<Value> record, List<Value> key) {
        for (int i = 0; i < key.size(); i++) {
            if (i >= record.size() || record.get(i) == null) {
                return -1;
            }
            KeyCollation c = i < collations.length ? collations[i] : KeyCollation.BINARY;
            int r = compareValues(record.get(i), key.get(i), c);
            if (r != 0) {
                return i < descending.length && descending[i] ? -r : r;
            }
        }
        return 0;
    }

    int compareValues(Value a, Value b, KeyCollation collation) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
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
        return exact(a).compareTo(exact(b));
    }

    /** Exact value (sqlite3IntFloatCompare compares without rounding); infinities stand beyond every long. */
    private static BigDecimal exact(Value v) {
        if (v instanceof IntegerValue i) {
            return BigDecimal.valueOf(i.value());
        }
        double d = ((RealValue) v).value();
        if (Double.isInfinite(d)) {
            return d > 0 ? BigDecimal.TEN.pow(400) : BigDecimal.TEN.pow(400).negate();
        }
        return Double.isNaN(d) ? BigDecimal.ZERO : new BigDecimal(d);
    }
}
