package dev.loupe.check;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.record.Collation;
import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowDecoder;
import dev.loupe.format.page.PageSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The record-level pass over one tree, in key order: decodes every row (table) or entry (index), reports damaged
 * records, checks key order where SQLite does not (index keys and interior divider keys) or does differently
 * (WITHOUT ROWID primary key order), and feeds the registered row and entry checks. Structure is the business of
 * the structural check: tree problems met here are not reported again.
 */
final class DeepWalk {

    private final Database db;
    private final FindingSink sink;
    private final LongConsumer pagesRead;
    private long count;

    /** @param pagesRead told of every b-tree page the walk enters (for progress) */
    DeepWalk(Database db, FindingSink sink, LongConsumer pagesRead) {
        this.db = db;
        this.sink = sink;
        this.pagesRead = pagesRead;
    }

    long count() {
        return count;
    }

    void table(Table table, List<RowCheck> checks) throws IOException {
        RowDecoder rows = new RowDecoder(db, table, true);
        KeyOrder order = table.withoutRowid() ? KeyOrder.of(table.primaryKey(), db) : null;
        if (table.withoutRowid() && order == null) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "PRIMARY KEY order of " + table.name()
                    + " not checked: it uses a collating sequence SQLite does not build in").object(table.name()));
        }
        int pkSize = table.primaryKey().size();
        walk(table.rootPage(), (page, cell, path) -> {
            Row row = rows.decode(page, cell);
            if (row == null) {
                return;
            }
            count++;
            reportRecordProblems(row.problems(), table.name(), cell, path);
            if (order != null) {
                List<Value> key = keyValues(row, table, pkSize);
                order.next(key, cell instanceof InteriorCell, sink, () -> Finding.of(FindingCode.PRIMARY_KEY_ORDER,
                        "row is not after the previous one in PRIMARY KEY order").object(table.name())
                        .at(cell.span()).cell(cell.index()).path(path).sqlite("row not in PRIMARY KEY order for "
                                + table.name()));
            }
            TableRow tr = new TableRow(table, row, List.copyOf(path), count);
            for (RowCheck c : checks) {
                c.row(tr, sink);
            }
        });
        for (RowCheck c : checks) {
            c.end(sink);
        }
    }

    void index(Index index, List<EntryCheck> checks) throws IOException {
        PayloadReader payloads = new PayloadReader(db.pages(), db.usableSize());
        RecordDecoder records = new RecordDecoder(db.encoding(), true);
        KeyOrder order = KeyOrder.of(index.recordColumns(), db);
        if (order == null) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "key order of index " + index.name()
                    + " not checked: it uses a collating sequence SQLite does not build in").object(index.name()));
        }
        walk(index.rootPage(), (page, cell, path) -> {
            if (!(cell instanceof PayloadCell pc)) {
                return;
            }
            count++;
            Payload payload = payloads.read(page.data(), pc.payload());
            Record record = records.decode(payload);
            List<Problem> problems = new ArrayList<>(payload.problems());
            problems.addAll(record.problems());
            reportRecordProblems(problems, index.name(), cell, path);
            List<Value> values = record.values();
            if (order != null && !values.contains(null)) {
                // a break next to an interior cell means its divider does not separate its neighbours
                boolean divider = cell instanceof InteriorCell || order.previousWasDivider();
                order.next(values, cell instanceof InteriorCell, sink, () -> Finding.of(divider
                                ? FindingCode.DIVIDER_KEY
                                : FindingCode.INDEX_KEY_ORDER, divider
                                ? "keys out of order next to an interior divider key (cell " + cell.index() + " on page "
                                + page.number() + "): the divider does not separate its subtrees" : "entry does not sort after the previous entry of the index")
                        .object(index.name()).at(cell.span()).cell(cell.index()).path(path));
            }
            IndexEntry e = new IndexEntry(index, values, page.number(), cell.index(), List.copyOf(path), count,
                    List.copyOf(problems));
            for (EntryCheck c : checks) {
                c.entry(e, sink);
            }
        });
        for (EntryCheck c : checks) {
            c.end(sink);
        }
    }

    private static List<Value> keyValues(Row row, Table table, int pkSize) {
        List<Value> key = new ArrayList<>(pkSize);
        for (IndexedColumn c : table.primaryKey()) {
            key.add(c.tableColumn() >= 0 && c.tableColumn() < row.values().size()
                    ? row.values().get(c.tableColumn()) : null);
        }
        return key;
    }

    private void reportRecordProblems(List<Problem> problems, String object, Cell cell, List<PathStep> path) {
        for (Problem p : problems) {
            Finding.Builder b = ProblemFindings.record(p);
            if (b != null) {
                sink.add(b.object(object).cell(cell.index()).path(path));
            }
        }
    }

    private interface CellConsumer {
        void accept(BTreePage page, Cell cell, List<PathStep> path) throws IOException;
    }

    private void walk(long root, CellConsumer consumer) throws IOException {
        try {
            new BTreeWalker(db.pages(), db.usableSize()).walk(root, new TreeVisitor() {
                @Override
                public boolean page(BTreePage page, List<PathStep> path, int depth) {
                    pagesRead.accept(1);
                    return true;
                }

                @Override
                public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                    try {
                        consumer.accept(page, cell, path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }, new PageSet());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Keys must rise strictly in walk order; one finding per break, then the order restarts from there. */
    private static final class KeyOrder {
        private final KeyComparator comparator;
        private List<Value> previous;
        private boolean previousDivider;

        private KeyOrder(KeyComparator comparator) {
            this.comparator = comparator;
        }

        /** Null when a column uses a collation SQLite does not build in (its order cannot be known). */
        static KeyOrder of(List<IndexedColumn> columns, Database db) {
            for (IndexedColumn c : columns) {
                if (Collation.named(c.collation()) == null) {
                    return null;
                }
            }
            return new KeyOrder(new KeyComparator(columns, db.encoding()));
        }

        void next(List<Value> key, boolean divider, FindingSink sink, Supplier<Finding.Builder> finding) {
            if (previous != null && key.size() >= previous.size() && comparator.compare(key, previous) <= 0) {
                sink.add(finding.get());
            }
            previous = key;
            previousDivider = divider;
        }

        boolean previousWasDivider() {
            return previousDivider;
        }
    }
}
