package dev.loupe.format.table;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.schema.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a table exactly as SQLite returns them: rowid order for rowid tables (leaf cells only),
 * primary-key order for WITHOUT ROWID tables (every cell of the index b-tree, interior ones included, as each holds
 * a row). Values are put in table column order with the INTEGER PRIMARY KEY alias, REAL affinity (a REAL column
 * returns stored integers as reals: SQLite stores integral reals as integers to save space), the defaults of
 * columns added after the row was written (fileformat2 §2.1, datatype3 §3) and the values of VIRTUAL generated
 * columns, which are not stored and are computed from their expressions as SQLite does on read (gencol.html).
 */
public final class TableReader {

    private final PayloadReader payloads;
    private final RecordDecoder records;
    private final BTreeWalker walker;

    public TableReader(Database db) {
        this.payloads = new PayloadReader(db.pages(), db.usableSize());
        this.records = new RecordDecoder(db.encoding(), false);
        this.walker = new BTreeWalker(db.pages(), db.usableSize());
    }

    public void read(Table table, RowSink sink) throws IOException {
        read(table, (page, cell) -> true, sink);
    }

    /** Says, before a row's cell is decoded, whether the row is wanted at all. */
    @FunctionalInterface
    public interface RowFilter {
        /** Asked once for each cell that holds a row, in row order, just before the row would be decoded. */
        boolean wants(BTreePage page, Cell cell);
    }

    /**
     * {@link #read(Table, RowSink)} of the rows {@code filter} wants: the cells of the others are not decoded. A
     * caller scanning many rows for a few (the checker's exact pass) saves the decoding of the rest.
     */
    public void read(Table table, RowFilter filter, RowSink sink) throws IOException {
        RowDecoder decoder = new RowDecoder(table, payloads, records);
        boolean[] stopped = {false};
        try {
            walker.walk(table.rootPage(), new TreeVisitor() {
                @Override
                public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                    if (stopped[0]) {
                        return;
                    }
                    if (decoder.holdsRow(cell) && !filter.wants(page, cell)) {
                        return;
                    }
                    Row row = decoder.decode(page, cell);
                    if (row != null && !sink.row(row)) {
                        stopped[0] = true;
                    }
                }

                @Override
                public void problem(Problem p) {
                    sink.problem(p);
                }

                @Override
                public boolean stop() {
                    return stopped[0];
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** All rows in a list (for tests and small tables). */
    public List<Row> readAll(Table table) throws IOException {
        List<Row> out = new ArrayList<>();
        read(table, r -> out.add(r));
        return out;
    }
}
