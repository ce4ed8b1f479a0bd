package dev.loupe.check;

import dev.loupe.check.structure.LeafSummaries;
import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.IndexInteriorCell;
import dev.loupe.format.btree.IndexLeafCell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.LocalLeafCell;
import dev.loupe.format.btree.LeafCellScan;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.record.Collation;
import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.RecordView;
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
    private final PayloadReader payloads;
    private long count;
    /** Pages the walk entered. */
    private long pages;
    /** The walk met damage in its tree (see {@link RowCheck#treeDamaged}). */
    private boolean damaged;
    /** Whether a rowid table's walk met a row yet, and the rowid of its first and its last. */
    private boolean rowSeen;
    private long firstRowid;
    /** The last rowid of a rowid table's walk, to see them rise. */
    private long lastRowid;
    /** During a rowid table's walk: where its damage can mislead a descent by rowid. Null otherwise. */
    private RowidRoutes routes;
    /** During an index's walk: where its damage can mislead a descent by key. Null otherwise. */
    private KeyRoutes keyRoutes;
    /** During an index's walk: its key order (null when a collation is unknown). */
    private KeyOrder indexOrder;
    /** The leaf whose keys {@link #breakRoute} last gave (its intervals are in already). */
    private long routedLeaf = -1;
    /** A leaf's own keys outside its route kept as intervals of one key, at most. */
    private static final int ROUTE_KEYS = 256;

    private final boolean fastLane;
    /** Summarises the leaf pages the fast lane reads for the structural pass; null: none are. */
    private final LeafSummaries.Judge leaves;

    /**
     * @param pagesRead told of every b-tree page the walk enters (for progress)
     * @param fastLane  read sound records in place (RecordView) and decode values only where a check needs them;
     *                  false decodes every record (same findings, slower: for tests)
     * @param leaves    where the leaf pages the walk reads are summarised for the structural pass, or null
     */
    DeepWalk(Database db, FindingSink sink, LongConsumer pagesRead, boolean fastLane, LeafSummaries leaves) {
        this.fastLane = fastLane;
        this.leaves = leaves == null ? null : leaves.judge(db.pageSize(), db.usableSize());
        this.db = db;
        this.sink = sink;
        this.pagesRead = pagesRead;
        this.payloads = new PayloadReader(db.pages(), db.usableSize());
    }

    long count() {
        return count;
    }

    void table(Table table, List<RowCheck> checks) throws IOException {
        walk(table.rootPage(), tableCells(table, checks.toArray(new RowCheck[0])));
        // a WITHOUT ROWID table's descents go by key: any damage leaves every one in doubt
        DamagedRowids where = routes != null ? routes.result(damaged)
                : damaged ? DamagedRowids.ALL : DamagedRowids.NONE;
        routes = null;
        for (RowCheck c : checks) {
            if (!where.none()) {
                c.treeDamaged(where);
            }
            c.treePages(pages);
            c.end(sink);
        }
    }

    /**
     * One part of a rowid table's walk split across threads ({@link TableSplit}): the subtrees {@code part} lists,
     * in walk order, each walked as the whole walk walks it, with the part's own {@code checks} (per row: an array,
     * no iterator). The checks are not ended; the part's rows are counted from 1 (their scan positions are not
     * known here).
     */
    TableSplit.Walked tablePart(Table table, RowCheck[] checks, TableSplit.Part part) throws IOException {
        Cells cells = tableCells(table, checks);
        PageSet visited = new PageSet();
        BTreeWalker walker = walker();
        TreeVisitor visitor = visitor(cells);
        long[] primed = new long[BTreeWalker.MAX_DEPTH];
        try {
            for (SplitTop.Subtree t : part.subtrees()) {
                primeRoutes(t.path(), primed);
                walker.walkSubtree(t.page(), part.rootType(), t.from(), t.path(), visited, visitor);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        RowidRoutes kept = routes;
        routes = null;
        return new TableSplit.Walked(count, pages, damaged, rowSeen, firstRowid, lastRowid, visited, checks, sink,
                kept);
    }

    /**
     * Shows the routes the pages above a part's subtree (the pages of {@code path}, which the split read and found
     * sound) as the whole walk would have entered them before it, those not shown last: {@code primed} holds the page
     * shown at each depth. They are read again here, each part on its own thread.
     */
    private void primeRoutes(List<PathStep> path, long[] primed) throws IOException {
        for (int d = 0; d < path.size(); d++) {
            long pgno = path.get(d).page();
            if (primed[d] == pgno) {
                continue;
            }
            routes.page(pageAgain(pgno), path.subList(0, d), d);
            primed[d] = pgno;
            for (int e = d + 1; e < primed.length; e++) {
                primed[e] = 0;
            }
        }
    }

    /** What a table's walk does with each cell; {@code rowChecks} see every row. */
    private Cells tableCells(Table table, RowCheck[] rowChecks) {
        RowDecoder rows = new RowDecoder(db, table, true);
        KeyOrder order = table.withoutRowid() ? KeyOrder.of(table.primaryKey(), db) : null;
        if (table.withoutRowid() && order == null) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "PRIMARY KEY order of " + table.name()
                    + " not checked: it uses a collating sequence SQLite does not build in").object(table.name()));
        }
        int pkSize = table.primaryKey().size();
        int stored = table.recordColumns().length;
        // the fast lane reads sound records in place; a VIRTUAL generated column needs the decoded row
        RecordView firstView = !fastLane || hasVirtualColumn(table) ? null : new RecordView(db.encoding());
        boolean keyFirst = keyFirst(table);
        boolean hasRowid = !table.withoutRowid();
        PageType rowLeaf = hasRowid ? PageType.TABLE_LEAF : PageType.INDEX_LEAF;
        routes = hasRowid ? new RowidRoutes() : null;
        return new Cells() {
            /** Sound records are read into it; the key order may keep it (see KeyOrder#spare). Null: none are. */
            private RecordView view = firstView;
            /** The row handed to the checks for each sound leaf record (valid during their call only). */
            private final TableRow reused = new TableRow(table, null, hasRowid, 0, List.of(), 0, rows, null, null, 0);

            @Override
            public void local(BTreePage page, int i, List<PathStep> path, int offset, int size, long rowid) {
                if (page.type() != rowLeaf) {
                    return;
                }
                count++;
                if (hasRowid) {
                    rowidAfter(rowid);
                }
                if (view != null && view.parse(page.data(), offset, size, stored)) {
                    after(reused.next(view, rowid, path, count, rows, page, i), page, null, i, path);
                } else {
                    Cell cell = page.cell(i);
                    after(decoded(page, cell, path), page, cell, i, path);
                }
            }

            @Override
            public void cell(BTreePage page, Cell cell, List<PathStep> path) throws IOException {
                damaged |= !cell.problems().isEmpty();
                boolean holdsRow = hasRowid ? cell instanceof TableLeafCell
                        : cell instanceof IndexLeafCell || cell instanceof IndexInteriorCell;
                if (!holdsRow) {
                    return;
                }
                count++;
                if (hasRowid) {
                    rowidAfter(((TableLeafCell) cell).rowid());
                    if (!cell.problems().isEmpty()) {
                        routes.pageDamaged();
                    }
                }
                TableRow tr;
                if (view != null && sound(page, (PayloadCell) cell, view, stored)) {
                    long rowid = hasRowid ? ((TableLeafCell) cell).rowid() : 0;
                    tr = new TableRow(table, view, hasRowid, rowid, path, count, rows, page, cell, cell.index());
                } else {
                    tr = decoded(page, cell, path);
                }
                after(tr, page, cell, cell.index(), path);
            }

            private TableRow decoded(BTreePage page, Cell cell, List<PathStep> path) {
                Row row = rows.decode(page, cell);
                // a rowid table's descents go by the rowid in the cell, which a damaged record leaves alone
                damaged |= !hasRowid && !row.problems().isEmpty();
                reportRecordProblems(row.problems(), table.name(), cell, path);
                return new TableRow(table, row, List.copyOf(path), count);
            }

            /** Key order (WITHOUT ROWID) and the row checks; {@code cell} is null when not decoded (a leaf cell). */
            private void after(TableRow tr, BTreePage page, Cell cell, int i, List<PathStep> path) {
                boolean kept = false;
                if (order != null) {
                    boolean divider = cell instanceof InteriorCell;
                    kept = keyFirst && tr.record() != null && tr.record().count() >= pkSize;
                    boolean inOrder = kept ? order.next(tr.record(), pkSize, divider)
                            : order.next(keyValues(tr.row(), table, pkSize), divider);
                    if (!inOrder) {
                        damaged = true;
                        Cell at = cell != null ? cell : page.cell(i);
                        sink.add(Finding.of(FindingCode.PRIMARY_KEY_ORDER, "row is not after the previous one in"
                                        + " PRIMARY KEY order").object(table.name()).at(at.span()).cell(i)
                                .path(path).sqlite("row not in PRIMARY KEY order for " + table.name()));
                    }
                }
                for (RowCheck c : rowChecks) {
                    c.row(tr, sink);
                }
                if (kept) {
                    view = order.spare(); // the order keeps this row's record: the next one goes elsewhere
                }
            }
        };
    }

    private void rowidAfter(long rowid) {
        if (!rowSeen) {
            // the first row: any rowid, -2^63 too, comes first
            rowSeen = true;
            firstRowid = rowid;
        } else if (rowid <= lastRowid) {
            damaged = true;
            routes.notRising();
        }
        lastRowid = rowid;
    }

    /**
     * Reads the cell's payload into {@code view} when its record is sound (no cell, payload or record problem:
     * exactly the rows the decoder would decode without one) and holds at most {@code maxColumns} values.
     */
    private boolean sound(BTreePage page, PayloadCell cell, RecordView view, int maxColumns) throws IOException {
        if (!cell.problems().isEmpty()) {
            return false;
        }
        LocalPayload local = cell.payload();
        if (!local.overflows()) {
            return local.localSize() == local.declaredSize()
                    && view.parse(page.data(), local.localOffset(), local.localSize(), maxColumns);
        }
        Payload payload = payloads.read(page.data(), local);
        return payload.problems().isEmpty() && payload.length() == payload.declaredSize()
                && view.parse(payload.bytes(), payload.start(), payload.length(), maxColumns);
    }

    private static boolean hasVirtualColumn(Table table) {
        for (var c : table.columns()) {
            if (!c.isStored()) {
                return true;
            }
        }
        return false;
    }

    /** True when a WITHOUT ROWID table's record starts with its PRIMARY KEY columns in key order (it always should). */
    private static boolean keyFirst(Table table) {
        int[] map = table.recordColumns();
        List<IndexedColumn> pk = table.primaryKey();
        if (pk.size() > map.length) {
            return false;
        }
        for (int i = 0; i < pk.size(); i++) {
            if (map[i] != pk.get(i).tableColumn()) {
                return false;
            }
        }
        return true;
    }

    void index(Index index, List<EntryCheck> checks) throws IOException {
        walk(index.rootPage(), indexCells(index, checks.toArray(new EntryCheck[0])));
        DamagedKeys where = keyRoutes.result(damaged);
        keyRoutes = null;
        for (EntryCheck c : checks) {
            if (damaged || !where.intervals().isEmpty()) {
                c.treeDamaged(where);
            }
            c.treePages(pages);
            c.end(sink);
        }
    }

    /**
     * One part of an index's walk split across threads ({@link IndexSplit}): each of the part's subtrees walked as
     * the whole walk walks it, each followed by the divider entry the whole walk meets after it (read again from its
     * page here), with the part's own {@code checks}. The checks are not ended. The split holds only where a part
     * meets no damage and no finding, so the routes of damage are not kept.
     */
    IndexSplit.Walked indexPart(Index index, EntryCheck[] checks, IndexSplit.Part part) throws IOException {
        Cells cells = indexCells(index, checks);
        PageSet visited = new PageSet();
        BTreeWalker walker = walker();
        TreeVisitor visitor = visitor(cells);
        try {
            for (SplitTop.Unit u : part.units()) {
                SplitTop.Subtree t = u.subtree();
                walker.walkSubtree(t.page(), part.rootType(), t.from(), t.path(), visited, visitor);
                if (u.divider() != null) {
                    BTreePage page = pageAgain(u.divider().page());
                    cells.cell(page, page.cell(u.divider().cell()), u.divider().path());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        keyRoutes = null;
        KeyOrder order = indexOrder;
        indexOrder = null;
        return new IndexSplit.Walked(count, pages, damaged, order == null ? null : order.first,
                order == null || !order.previous.present() ? null : order.previous.values(), visited, checks, sink);
    }

    /** What an index's walk does with each cell; {@code entryChecks} see every entry. */
    private Cells indexCells(Index index, EntryCheck[] entryChecks) {
        RecordDecoder records = new RecordDecoder(db.encoding(), true);
        KeyOrder order = KeyOrder.of(index.recordColumns(), db);
        if (order == null) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "key order of index " + index.name()
                    + " not checked: it uses a collating sequence SQLite does not build in").object(index.name()));
        }
        keyRoutes = new KeyRoutes(this::soundKeyAt, index.recordColumns().size());
        indexOrder = order;
        return new Cells() {
            /** The record being read; the key order keeps each one until the next (see KeyOrder#spare). */
            private RecordView view = new RecordView(db.encoding());

            @Override
            public void local(BTreePage page, int i, List<PathStep> path, int offset, int size, long rowid)
                    throws IOException {
                if (!view.parse(page.data(), offset, size, Integer.MAX_VALUE)) {
                    cell(page, page.cell(i), path);
                    return;
                }
                count++;
                IndexEntry e = new IndexEntry(index, view, page.number(), i, path, count);
                if (order != null && !order.next(view, view.count(), false)) {
                    e.markOutOfOrder(order.keyBefore(), breakRoute(page, order));
                    sink.add(orderFinding(index, page, page.cell(i), path, order.breakAtDivider()));
                }
                for (EntryCheck c : entryChecks) {
                    c.entry(e, sink);
                }
                if (order != null) {
                    view = order.spare();
                }
            }

            @Override
            public void cell(BTreePage page, Cell cell, List<PathStep> path) throws IOException {
                if (!cell.problems().isEmpty()) {
                    damaged = true;
                    keyRoutes.damaged(page.number());
                }
                if (!(cell instanceof PayloadCell pc)) {
                    return;
                }
                count++;
                IndexEntry e;
                RecordView next = view;
                if (fastLane && sound(page, pc, view, Integer.MAX_VALUE)) {
                    e = new IndexEntry(index, view, page.number(), cell.index(), path, count);
                    if (order != null) {
                        if (!order.next(view, view.count(), cell instanceof InteriorCell)) {
                            e.markOutOfOrder(order.keyBefore(), breakRoute(page, order));
                            sink.add(orderFinding(index, page, cell, path, order.breakAtDivider()));
                        }
                        next = order.spare();
                    }
                } else {
                    Payload payload = payloads.read(page.data(), pc.payload());
                    Record record = records.decode(payload);
                    List<Problem> problems = new ArrayList<>(payload.problems());
                    problems.addAll(record.problems());
                    List<Value> values = record.values();
                    if (!problems.isEmpty() || values.contains(null)) {
                        damaged = true;
                        keyRoutes.damaged(page.number());
                    }
                    reportRecordProblems(problems, index.name(), cell, path);
                    e = new IndexEntry(index, values, page.number(), cell.index(), List.copyOf(path), count,
                            List.copyOf(problems));
                    if (order != null && !values.contains(null) && !order.next(values, cell instanceof InteriorCell)) {
                        e.markOutOfOrder(order.keyBefore(), breakRoute(page, order));
                        sink.add(orderFinding(index, page, cell, path, order.breakAtDivider()));
                    }
                }
                for (EntryCheck c : entryChecks) {
                    c.entry(e, sink);
                }
                view = next;
            }
        };
    }

    /**
     * Where an entry on {@code page} broke the key order, and the page is a leaf below the root: the keys whose row a
     * descent may fail to find because of it. They are the keys a descent may be led to the leaf by
     * ({@link KeyRoutes#leafRoute}), and each of the leaf's own keys that lies outside those (a descent for it is led
     * elsewhere, so misses it where it is), as an interval of one key. Leave out the leaf's keys, and the keys just
     * before and after them in walk order come next to each other: when those two rise, a descent for any other key
     * meets no break there, as {@code KeyBreaks} argues. Null (the break's own interval stands) when the leaf is the
     * root, those two keys or one of the leaf's do not read soundly, the two do not rise, or the leaf's own keys
     * outside them are too many to keep ({@link #ROUTE_KEYS}). Computed once per leaf; a second break on it adds
     * nothing.
     */
    private List<DamagedKeys.Interval> breakRoute(BTreePage page, KeyOrder order) {
        if (page.type() == null || !page.type().isLeaf()) {
            return null;
        }
        if (routedLeaf == page.number()) {
            return List.of();
        }
        DamagedKeys.Interval route = keyRoutes.leafRoute(page.number());
        KeyComparator c = order.comparator;
        if (route == null || route.low() != null && route.high() != null && c.compare(route.low(), route.high()) >= 0) {
            return null;
        }
        List<DamagedKeys.Interval> out = new ArrayList<>();
        out.add(route);
        for (int i = 0; i < page.cellCount(); i++) {
            List<Value> key = soundKeyOf(page, i);
            if (key == null || key.contains(null) || key.size() != keyRoutes.keyLength()) {
                return null;
            }
            if (route.low() != null && c.compare(key, route.low()) < 0
                    || route.high() != null && c.compare(key, route.high()) > 0) {
                if (out.size() > ROUTE_KEYS) {
                    return null;
                }
                out.add(new DamagedKeys.Interval(key, key));
            }
        }
        routedLeaf = page.number();
        return out;
    }

    /** The key of cell {@code cell} of index page {@code page}, read again; null unless it reads without a problem. */
    private List<Value> soundKeyAt(long page, int cell) {
        try {
            byte[] data = db.pages().read(page);
            return data == null ? null : soundKeyOf(BTreePage.decode(page, data, db.usableSize()), cell);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@link #soundKeyAt} on a page already decoded (one whose cells are read in turn). */
    private List<Value> soundKeyOf(BTreePage p, int cell) {
        try {
            Cell c = cell < p.cellCount() && p.cellPointerValid(cell) ? p.cell(cell) : null;
            if (!(c instanceof PayloadCell pc) || !c.problems().isEmpty()) {
                return null;
            }
            Payload payload = payloads.read(p.data(), pc.payload());
            Record record = new RecordDecoder(db.encoding(), true).decode(payload);
            List<Value> values = record.values();
            return payload.problems().isEmpty() && record.problems().isEmpty() && !values.contains(null)
                    ? values : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A break next to an interior cell means its divider does not separate its neighbours. */
    private static Finding.Builder orderFinding(Index index, BTreePage page, Cell cell, List<PathStep> path,
                                                boolean divider) {
        return Finding.of(divider ? FindingCode.DIVIDER_KEY : FindingCode.INDEX_KEY_ORDER, divider
                        ? "keys out of order next to an interior divider key (cell " + cell.index() + " on page "
                        + page.number() + "): the divider does not separate its subtrees"
                        : "entry does not sort after the previous entry of the index")
                .object(index.name()).at(cell.span()).cell(cell.index()).path(path);
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

/**
     * What a walk does with the cells of one tree: {@link #cell} gets every cell the walker decodes; with the fast
     * lane, {@link #local} gets instead each leaf cell whose payload lies wholly on its page and decodes without a
     * problem (see {@link LocalLeafCell}), as its payload's place on the page, with no cell object. A cell that
     * reaches {@code local} would have reached {@code cell} with no problem and the same payload.
     */
    private interface Cells {
        void local(BTreePage page, int i, List<PathStep> path, int offset, int size, long rowid) throws IOException;

        void cell(BTreePage page, Cell cell, List<PathStep> path) throws IOException;
    }

    private void walk(long root, Cells cells) throws IOException {
        try {
            walker().walk(root, visitor(cells), new PageSet());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A walker whose page buffers are reused (two per level): a kept previous key lives in the page before it. */
    private BTreeWalker walker() {
        return new BTreeWalker(db.pages(), db.usableSize()).reusingPageBuffers();
    }

    /** How this walk visits a tree: the fast lane's own leaf reading, or every cell decoded. */
    private TreeVisitor visitor(Cells cells) {
        return fastLane ? new LeafScan(cells) : new PerCell(cells);
    }

    /**
     * A page a split's top levels read soundly before, read and decoded again on this part's thread (a decoded page
     * is not shared between threads).
     */
    private BTreePage pageAgain(long pgno) throws IOException {
        byte[] data = db.pages().read(pgno);
        if (data == null) {
            throw new IOException("page " + pgno + " could not be read again");
        }
        return BTreePage.decode(pgno, data, db.usableSize());
    }

    /** Hands every cell the walker decodes to {@link Cells#cell}. */
    private class PerCell implements TreeVisitor {
        final Cells cells;

        PerCell(Cells cells) {
            this.cells = cells;
        }

        @Override
        public boolean page(BTreePage page, List<PathStep> path, int depth) {
            pagesRead.accept(1);
            pages++;
            if (routes != null) {
                routes.page(page, path, depth);
            }
            if (keyRoutes != null) {
                keyRoutes.page(page, path, depth);
            }
            return true;
        }

        @Override
        public void problem(Problem problem) {
            damaged = true;
            if (routes != null) {
                routes.problem(problem);
            }
            if (keyRoutes != null) {
                keyRoutes.problem(problem);
            }
        }

        @Override
        public void cell(BTreePage page, Cell cell, List<PathStep> path) {
            try {
                cells.cell(page, cell, path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The fast lane's visitor: it reads leaf cells itself, wholly local ones without a cell object. Cells whose
     * pointer is out of range are skipped, as the walker skips them; cell problems are the structural check's.
     */
    private final class LeafScan extends PerCell implements LeafCellScan {
        private final LocalLeafCell local = new LocalLeafCell();
        private final CellPath cellPath = new CellPath();

        LeafScan(Cells cells) {
            super(cells);
        }

        @Override
        public void leafCells(BTreePage page, List<PathStep> path) {
            // the structural pass's judge of the page sees each cell as this loop reads it
            LeafSummaries.Judge judge = leaves != null && leaves.start(page.number(), page.data()) ? leaves : null;
            int n = page.cellCount();
            try {
                for (int i = 0; i < n; i++) {
                    if (!page.cellPointerValid(i)) {
                        damaged = true;
                        if (routes != null) {
                            routes.pageDamaged();
                        }
                        if (keyRoutes != null) {
                            keyRoutes.damaged(page.number());
                        }
                        if (judge != null) {
                            judge.reject();
                        }
                        continue;
                    }
                    cellPath.at(path, page.number(), i);
                    if (local.read(page, i)) {
                        if (judge != null) {
                            judge.cell(page.cellPointer(i), local.payloadOffset() + local.payloadSize(),
                                    local.rowid());
                        }
                        cells.local(page, i, cellPath, local.payloadOffset(), local.payloadSize(), local.rowid());
                    } else {
                        if (judge != null) {
                            judge.reject();
                        }
                        cells.cell(page, page.cell(i), cellPath);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (judge != null) {
                judge.finish();
            }
        }
    }

    /** Keys must rise strictly in walk order; one finding per break, then the order restarts from there. */
    private static final class KeyOrder {
        private final KeyComparator comparator;
        private final LastKey previous;
        private boolean previousDivider;
        private boolean breakAtDivider;
        private RecordView spare;
        /** The key before the last break, decoded. */
        private List<Value> keyBefore;
        /** The first key the walk met (decoded), or null: what a part of a split walk begins with. */
        private List<Value> first;

        private KeyOrder(KeyComparator comparator, LastKey previous) {
            this.comparator = comparator;
            this.previous = previous;
        }

        /** Null when a column uses a collation SQLite does not build in (its order cannot be known). */
        static KeyOrder of(List<IndexedColumn> columns, Database db) {
            for (IndexedColumn c : columns) {
                if (Collation.named(c.collation()) == null) {
                    return null;
                }
            }
            return new KeyOrder(new KeyComparator(columns, db.encoding()), new LastKey(db.encoding()));
        }

        /** False when {@code key} does not sort after the key before it (a divider key when {@code divider}). */
        boolean next(List<Value> key, boolean divider) {
            if (!previous.present()) {
                first = key;
            }
            boolean inOrder = !(previous.present() && key.size() >= previous.size()
                    && previous.compare(comparator, key) <= 0);
            if (!inOrder) {
                keyBefore = previous.values();
            }
            previous.set(key);
            return judged(inOrder, divider);
        }

        /**
         * The same for the first {@code size} values of a sound record, which is kept as it is (no copy): the
         * caller must read its next record into {@link #spare()}, not into {@code key}.
         */
        boolean next(RecordView key, int size, boolean divider) {
            if (!previous.present()) {
                first = LastKey.decoded(key, size);
            }
            boolean inOrder = !(previous.present() && size >= previous.size()
                    && previous.compare(comparator, key, size) <= 0);
            if (!inOrder) {
                keyBefore = previous.values();
            }
            spare = previous.keep(key, size);
            return judged(inOrder, divider);
        }

        /** The view the last {@link #next(RecordView, int, boolean)} freed, for the caller's next record. */
        RecordView spare() {
            return spare;
        }

        private boolean judged(boolean inOrder, boolean divider) {
            breakAtDivider = !inOrder && (divider || previousDivider);
            previousDivider = divider;
            return inOrder;
        }

        /** The key before the last break {@link #next} found: it does not sort before the key that broke the order. */
        List<Value> keyBefore() {
            return keyBefore;
        }

        /** Whether the last break {@link #next} found is next to an interior (divider) key. */
        boolean breakAtDivider() {
            return breakAtDivider;
        }
    }
}
