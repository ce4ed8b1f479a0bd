package dev.loupe.check.index;

import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a WITHOUT ROWID table's row is known among the entries of one of its indexes, as a rowid table's row is by the
 * rowid its entries end with: by its PRIMARY KEY, whose values every entry carries (the key terms that are PRIMARY
 * KEY columns, and after the key terms the PRIMARY KEY columns they lack: {@link Index#recordColumns}). The 64-bit
 * {@link EntryHash} of those values, in PRIMARY KEY order, stands for them, as entry hashes stand for entries in the
 * digests.
 */
final class PrimaryKeyHash {

    private final Table table;
    /** The index record field that holds each PRIMARY KEY column's value. */
    private final int[] entryFields;
    /** The database's text encoding: decoded text hashes as its bytes there. */
    private final TextEncoding encoding;

    private PrimaryKeyHash(Table table, int[] entryFields, TextEncoding encoding) {
        this.table = table;
        this.entryFields = entryFields;
        this.encoding = encoding;
    }

    /**
     * For an index of a WITHOUT ROWID table; null for a rowid table's, or where some PRIMARY KEY column is no plain
     * column of the index record (a schema SQLite would not have written).
     */
    static PrimaryKeyHash of(Table table, Index index, TextEncoding encoding) {
        if (!table.withoutRowid() || table.primaryKey().isEmpty()) {
            return null;
        }
        List<IndexedColumn> pk = table.primaryKey();
        List<IndexedColumn> record = index.recordColumns();
        int[] fields = new int[pk.size()];
        for (int k = 0; k < pk.size(); k++) {
            int column = pk.get(k).tableColumn();
            fields[k] = -1;
            for (int f = 0; f < record.size() && fields[k] < 0; f++) {
                IndexedColumn c = record.get(f);
                if (!c.isExpression() && !c.isRowid() && c.tableColumn() == column) {
                    fields[k] = f;
                }
            }
            if (column < 0 || fields[k] < 0) {
                return null;
            }
        }
        return new PrimaryKeyHash(table, fields, encoding);
    }

    /** The hash of a row's PRIMARY KEY; its values as the row holds them (a REAL column's hash as the record's). */
    long ofRow(Row row) {
        return EntryHash.of(rowValues(table, row).toArray(new Value[0]), encoding);
    }

    /** A row's PRIMARY KEY values in PRIMARY KEY order, null for a column the row lacks. */
    static List<Value> rowValues(Table table, Row row) {
        List<Value> out = new ArrayList<>();
        for (IndexedColumn p : table.primaryKey()) {
            int c = p.tableColumn();
            out.add(c >= 0 && c < row.values().size() ? row.values().get(c) : null);
        }
        return out;
    }

    /** The hash of the PRIMARY KEY a sound entry read in place carries; the caller checks its length. */
    long ofEntry(RecordView entry) {
        return EntryHash.implied(entry, entryFields, 0);
    }

    /** The same of a sound entry's decoded values, as many as the index record has. */
    long ofEntry(List<Value> entry) {
        return EntryHash.of(picked(entry), encoding);
    }

    /** The PRIMARY KEY values a sound entry carries, in PRIMARY KEY order. */
    List<Value> valuesOf(List<Value> entry) {
        return Arrays.asList(picked(entry));
    }

    private Value[] picked(List<Value> entry) {
        Value[] values = new Value[entryFields.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = entry.get(entryFields[k]);
        }
        return values;
    }
}
