package dev.loupe.format.table;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.LeafCellScan;
import dev.loupe.format.btree.LocalLeafCell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.page.PageSource;
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
    private final PageSource pages;
    private final int usableSize;

    public TableReader(Database db) {
        this.payloads = new PayloadReader(db.pages(), db.usableSize());
        this.records = new RecordDecoder(db.encoding(), false);
        this.walker = new BTreeWalker(db.pages(), db.usableSize());
        this.pages = db.pages();
        this.usableSize = db.usableSize();
    }

    public void read(Table table, RowSink sink) throws IOException {
        walk(walker, table, new Rows(new RowDecoder(table, payloads, records), sink));
    }

    /** Says, from a row's record bytes, whether the row is wanted at all. */
    @FunctionalInterface
    public interface RowFilter {
        /**
         * Asked, in row order, for each row whose cell lies wholly on a leaf page of the table's kind with no
         * problem, before it is decoded: its payload is {@code page.data()[offset, offset + size)}, and {@code rowid}
         * is its rowid (0 in a WITHOUT ROWID table). Every other row is decoded and handed to the sink unasked.
         */
        boolean wants(BTreePage page, int offset, int size, long rowid);
    }

    /**
     * {@link #read(Table, RowSink)} of the rows {@code filter} does not turn down: the leaf cells of the others are
     * not even decoded into cell objects. A caller scanning many rows for a few (the checker's exact pass) saves the
     * decoding of the rest. Problems are reported as {@link #read(Table, RowSink)} reports them.
     */
    public void read(Table table, RowFilter filter, RowSink sink) throws IOException {
        PageType rowLeaf = table.withoutRowid() ? PageType.INDEX_LEAF : PageType.TABLE_LEAF;
        // rows are decoded into values before the walk moves on, so the page buffers can be reused
        walk(new BTreeWalker(pages, usableSize).reusingPageBuffers(), table,
                new FilteredRows(new RowDecoder(table, payloads, records), sink, filter, rowLeaf));
    }

    private static void walk(BTreeWalker walker, Table table, Rows rows) throws IOException {
        try {
            walker.walk(table.rootPage(), rows);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Hands each row a walk meets to the sink, until it says stop. */
    private static class Rows implements TreeVisitor {
        private final RowDecoder decoder;
        private final RowSink sink;
        boolean stopped;

        Rows(RowDecoder decoder, RowSink sink) {
            this.decoder = decoder;
            this.sink = sink;
        }

        @Override
        public void cell(BTreePage page, Cell cell, List<PathStep> path) {
            if (stopped) {
                return;
            }
            Row row = decoder.decode(page, cell);
            if (row != null && !sink.row(row)) {
                stopped = true;
            }
        }

        @Override
        public void problem(Problem p) {
            sink.problem(p);
        }

        @Override
        public boolean page(BTreePage page, List<PathStep> path, int depth) {
            sink.page(page.number());
            return true;
        }

        @Override
        public boolean stop() {
            return stopped;
        }
    }

    /** {@link Rows} that reads leaf pages itself, asking the filter about each sound local row before decoding it. */
    private static final class FilteredRows extends Rows implements LeafCellScan {
        private final RowFilter filter;
        private final PageType rowLeaf;
        private final LocalLeafCell local = new LocalLeafCell();

        FilteredRows(RowDecoder decoder, RowSink sink, RowFilter filter, PageType rowLeaf) {
            super(decoder, sink);
            this.filter = filter;
            this.rowLeaf = rowLeaf;
        }

        @Override
        public void leafCells(BTreePage page, List<PathStep> path) {
            boolean rows = page.type() == rowLeaf;
            for (int i = 0; i < page.cellCount() && !stopped; i++) {
                if (!page.cellPointerValid(i)) {
                    continue; // as the walker skips it (the page's problems say why)
                }
                if (rows && local.read(page, i)
                        && !filter.wants(page, local.payloadOffset(), local.payloadSize(), local.rowid())) {
                    continue;
                }
                LeafCellScan.asWalked(page, i, path, this);
            }
        }
    }

    /** All rows in a list (for tests and small tables). */
    public List<Row> readAll(Table table) throws IOException {
        List<Row> out = new ArrayList<>();
        read(table, r -> out.add(r));
        return out;
    }
}
