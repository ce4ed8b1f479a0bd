package dev.loupe.format.find;

import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.Collation;
import dev.loupe.format.record.RecordCompare;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.ValueOrder;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.IndexedColumn;

import java.util.List;

/**
 * Orders index records against a search key as SQLite's record comparison does (vdbeaux.c,
 * sqlite3VdbeRecordCompare): column by column, NULL before numbers (integers and reals compared by exact value)
 * before text (by the column's collation) before blobs (memcmp, then length); a DESC column reverses its order.
 * Only the key's columns are compared, so a shorter key matches every record it is a prefix of.
 */
public final class KeyComparator {

    private final Collation[] collations;
    private final boolean[] descending;
    private final TextEncoding encoding;

    /**
     * @param columns the record's columns as the index or WITHOUT ROWID table declares them (collation, DESC); a
     *                collation SQLite does not build in is compared as BINARY
     */
    public KeyComparator(List<IndexedColumn> columns, TextEncoding encoding) {
        this.collations = new Collation[columns.size()];
        this.descending = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Collation c = Collation.named(columns.get(i).collation());
            collations[i] = c == null ? Collation.BINARY : c;
            descending[i] = columns.get(i).descending();
        }
        this.encoding = encoding;
    }

    /**
     * Negative when {@code record} sorts before {@code key}, zero when its first key.size() values equal the key,
     * positive when after. A record with fewer values than the key sorts before it where its values run out; a value
     * missing from a damaged record (null) counts as run out, on either side.
     */
    public int compare(List<Value> record, List<Value> key) {
        for (int i = 0; i < key.size(); i++) {
            if (i >= record.size() || record.get(i) == null) {
                return -1;
            }
            if (key.get(i) == null) {
                return 1;
            }
            Collation c = i < collations.length ? collations[i] : Collation.BINARY;
            int r = compareValues(record.get(i), key.get(i), c);
            if (r != 0) {
                return i < descending.length && descending[i] ? -r : r;
            }
        }
        return 0;
    }

    /**
     * {@link #compare(List, List)} over two sound records read in place: the first {@code keySize} values of
     * {@code key} against {@code record}'s, with no value decoded.
     */
    public int compare(RecordView record, RecordView key, int keySize) {
        for (int i = 0; i < keySize; i++) {
            if (i >= record.count()) {
                return -1;
            }
            Collation c = i < collations.length ? collations[i] : Collation.BINARY;
            int r = RecordCompare.compare(record, i, key, i, c);
            if (r != 0) {
                return i < descending.length && descending[i] ? -r : r;
            }
        }
        return 0;
    }

    /**
     * Value {@code i} of {@code a} against value {@code j} of {@code b}, both sound records read in place, as this
     * order compares its column {@code column} (its collation, DESC turning the result round).
     */
    public int compareColumn(int column, RecordView a, int i, RecordView b, int j) {
        Collation c = column < collations.length ? collations[column] : Collation.BINARY;
        int r = RecordCompare.compare(a, i, b, j, c);
        return column < descending.length && descending[column] ? -r : r;
    }

    int compareValues(Value a, Value b, Collation collation) {
        return ValueOrder.compare(a, b, collation, encoding);
    }
}
