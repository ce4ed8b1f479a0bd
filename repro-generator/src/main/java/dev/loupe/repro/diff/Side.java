package dev.loupe.repro.diff;

import dev.loupe.format.Database;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowDecoder;

import java.io.IOException;

/** One of the two files being compared, with the readers the content comparison uses on it. Not thread-safe. */
final class Side {

    /** An entry with its payload assembled (across overflow pages) and, once asked for, its record. */
    static final class Loaded {
        final TreeCursor.Entry entry;
        final Payload payload;
        private Record record;

        Loaded(TreeCursor.Entry entry, Payload payload) {
            this.entry = entry;
            this.payload = payload;
        }
    }

    final Database db;
    private final PayloadReader payloads;
    private final RecordDecoder records;
    private Table rowTable;
    private RowDecoder rowDecoder;

    Side(Database db) {
        this.db = db;
        this.payloads = new PayloadReader(db.pages(), db.usableSize());
        this.records = new RecordDecoder(db.encoding(), false);
    }

    TreeCursor cursor(long root, boolean tableTree, TreeShape shape) throws IOException {
        return new TreeCursor(db.pages(), db.usableSize(), root, tableTree, shape);
    }

    /** The next entry of {@code cursor} with its payload, or null at the end; overflow pages go to {@code shape}. */
    Loaded next(TreeCursor cursor, TreeShape shape) throws IOException {
        TreeCursor.Entry e = cursor.next();
        if (e == null) {
            return null;
        }
        Payload p = payloads.read(e.page().data(), e.cell().payload());
        shape.overflow(p.overflowPages().length);
        return new Loaded(e, p);
    }

    Record record(Loaded l) {
        if (l.record == null) {
            l.record = records.decode(l.payload);
        }
        return l.record;
    }

    /** The row SQLite returns for a table entry (defaults, REAL affinity, rowid alias applied). */
    Row row(Table table, Loaded l) {
        if (rowTable != table) {
            rowTable = table;
            rowDecoder = new RowDecoder(db, table);
        }
        return rowDecoder.decode(l.entry.page(), l.entry.cell());
    }
}
