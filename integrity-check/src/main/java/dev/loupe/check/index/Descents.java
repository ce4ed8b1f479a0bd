package dev.loupe.check.index;

import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Literals;
import dev.loupe.check.RowBinding;
import dev.loupe.format.Database;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.find.SearchResult;
import dev.loupe.format.find.TreeSearch;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.SqlLiteral;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowDecoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The descents the exact pass ({@link MismatchNamer}) makes for one index, and the findings that name what they miss:
 * a row's implied entry looked up in the index the way integrity_check's OP_Found does ({@link IndexSeek}), an
 * entry's row looked up in the table by its rowid or primary key. The trees' interior pages stay decoded between
 * descents (8 MiB of them at most).
 */
final class Descents {

    private final Database db;
    private final IndexState state;
    private final Table table;
    private final TreeSearch search;
    private final KeyComparator entryOrder;
    private final IndexSeek seek;
    private final RowBinding binding;
    /** A found row's record read in place, to see from its hash alone that it implies an entry. */
    private final RecordView view;
    private final RowDecoder rowDecoder;

    Descents(Database db, IndexState state) {
        this.db = db;
        this.state = state;
        this.table = state.table;
        this.search = new TreeSearch(db.pages(), db.usableSize(), db.encoding()).keepingInteriorPages(8 << 20);
        this.entryOrder = new KeyComparator(state.index.recordColumns(), db.encoding());
        this.seek = new IndexSeek(db, search, entryOrder);
        this.binding = new RowBinding(table, db.encoding());
        this.view = new RecordView(db.encoding());
        this.rowDecoder = new RowDecoder(db, table);
    }

    /** The order of the index's records (key terms, then the rowid or primary key). */
    KeyComparator entryOrder() {
        return entryOrder;
    }

    /** The row of cell {@code cell} of page {@code pgno}, read again (a row the table's scan held). */
    Row row(long pgno, int cell) throws IOException {
        byte[] data = db.pages().read(pgno);
        if (data == null) {
            throw new IOException("page " + pgno + " can no longer be read");
        }
        BTreePage page = BTreePage.decode(pgno, data, db.usableSize());
        return rowDecoder.decode(page, page.cell(cell));
    }

    /**
     * The finding for a row whose implied entry {@code implied} a descent of the index does not find, or finds
     * holding values equal to it only under the index's collation; null when it finds the entry.
     *
     * @param position the row's position in the table's scan (integrity_check's "row N")
     */
    Finding rowFinding(Row row, long position, List<Value> implied) throws IOException {
        IndexSeek.Hit hit = seek.find(state.index.rootPage(), implied);
        String name = state.index.name();
        if (hit == null) {
            return missing(row, position, " " + Literals.tuple(implied, implied.size()) + " in index " + name);
        }
        List<Value> held = hit.values();
        for (int i = 0; i < implied.size(); i++) {
            if (i >= held.size() || !EntryHash.same(implied.get(i), held.get(i))) {
                // 3.41+ prints "row N values differ from index I"; 3.40 has no such check, so no 3.40 text
                return Finding.of(FindingCode.INDEX_ENTRY_DIFFERS, "row " + position + " of " + table.name()
                                + " (" + rowName(row) + ") implies " + Literals.tuple(implied, implied.size())
                                + " but index " + name + " holds " + Literals.tuple(held, held.size())
                                + " (equal only under the index's collation)")
                        .object(name).at(hit.cell().span()).cell(hit.cell().index()).keys(rowKeys(row)).build();
            }
        }
        return null;
    }

    /** The finding for the entry {@code held} of {@code cell} when no row implies it (its row looked up); else null. */
    Finding entryFinding(PayloadCell cell, List<PathStep> path, List<Value> held) throws IOException {
        String why = unmatched(held);
        if (why == null) {
            return null;
        }
        String name = state.index.name();
        return Finding.of(FindingCode.INDEX_ENTRY_EXTRA, "entry " + Literals.tuple(held, held.size())
                        + " of index " + name + " matches no row of " + table.name() + ": " + why)
                .object(name).at(cell.span()).cell(cell.index()).path(new ArrayList<>(path))
                .keys(Literals.of(held, held.size())).build();
    }

    /**
     * Whether the row of a sound entry read in place ({@code entry}, of hash {@code hash}), found by the rowid the
     * entry ends with and read in place too, implies exactly this entry. False when that cannot be told so (no rowid
     * table, no integer at the end, a row that must be decoded): then the entry is decoded and looked up again.
     */
    boolean rowImplies(RecordView entry, long hash) throws IOException {
        int last = state.recordColumns - 1;
        if (!table.hasRowid() || last < 0 || entry.count() != state.recordColumns || !entry.isInteger(last)) {
            return false;
        }
        long rowid = entry.integer(last);
        SearchResult found = search.byRowid(table.rootPage(), rowid);
        BTreePage page = found.found() ? search.pageOf(found) : null;
        return page != null && impliesExactly(page, found, rowid, hash);
    }

    /** A row found by its rowid: the row, the entry it implies, and its leaf page and cell. */
    record Found(Row row, List<Value> implied, long leaf, int cell) {
    }

    /**
     * The row of rowid {@code rowid}, found by a descent of the table, when it is sound and implies an entry of hash
     * {@code hash}; else null.
     */
    Found rowImplying(long rowid, long hash) throws IOException {
        Found at = rowAt(rowid);
        if (at == null || !at.row().problems().isEmpty()
                || !(state.generator.entryFor(at.row(), binding) instanceof ImpliedEntry.Entry e)
                || EntryHash.of(e.values(), db.encoding()) != hash) {
            return null;
        }
        return new Found(at.row(), Arrays.asList(e.values()), at.leaf(), at.cell());
    }

    /**
     * The row of rowid {@code rowid} found by a descent of the table, with its leaf and cell; null if none, or where
     * the descent or the cell met a problem.
     */
    private Found rowAt(long rowid) throws IOException {
        SearchResult found = search.byRowid(table.rootPage(), rowid);
        BTreePage page = found.found() ? search.pageOf(found) : null;
        if (page == null || !(found.cell() instanceof PayloadCell) || !found.problems().isEmpty()
                || !found.cell().problems().isEmpty()) {
            return null;
        }
        return new Found(rowDecoder.decode(page, found.cell()), null, page.number(), found.endStep().index());
    }

    /**
     * The finding for row {@code row}, which needs an entry in the index and has none: at scan {@code position}
     * (integrity_check's "row N"), or 0 when that could not be counted (then without SQLite's line).
     */
    Finding rowWithoutEntry(Row row, long position, String why) {
        return missing(row, position, " in index " + state.index.name() + " (" + why + ")");
    }

    /** "row N of T (rowid R) has no entry" + {@code rest}, with SQLite's line where the position is known. */
    private Finding missing(Row row, long position, String rest) {
        String name = state.index.name();
        Finding.Builder f = Finding.of(FindingCode.INDEX_ENTRY_MISSING, (position > 0 ? "row " + position + " of "
                        : "a row of ") + table.name() + " (" + rowName(row) + ") has no entry" + rest)
                .object(name).page(row.page()).cell(row.cellIndex()).keys(rowKeys(row));
        return (position > 0 ? f.sqlite(MissingRowLine.of(position, name)) : f).build();
    }

    /** Why {@code held} matches no row, or null if its row implies it. */
    private String unmatched(List<Value> held) throws IOException {
        SearchResult found = table.hasRowid() ? rowByRowid(held) : rowByPrimaryKey(held);
        BTreePage page = found == null || !found.found() ? null : search.pageOf(found);
        if (page == null) {
            if (!table.hasRowid()) {
                return "no row has that PRIMARY KEY";
            }
            String rowid = rowidText(held);
            // the walk may have read the row where a damaged divider or page keeps SQLite's lookups from it
            return found != null && state.tableDamage.contains(rowidOf(held)) ? "a descent of " + table.name()
                    + " by rowid " + rowid + " finds no row: the tree of " + table.name() + " is damaged on the way"
                    + " (its own findings say where), so SQLite's lookups of that rowid miss the row, if there is one"
                    : "no row has rowid " + rowid;
        }
        if (held.size() == state.recordColumns && !held.contains(null) && impliesExactly(page, found,
                table.hasRowid() ? rowidOf(held) : 0,
                EntryHash.of(held, state.recordColumns, db.encoding()))) {
            return null;
        }
        Row row = rowDecoder.decode(page, found.cell());
        ImpliedEntry e = state.generator.entryFor(row, binding);
        if (e == ImpliedEntry.Excluded.INSTANCE) {
            return "the index's WHERE clause is not true for " + rowName(row) + ", which needs no entry";
        }
        if (e instanceof ImpliedEntry.Entry entry) {
            List<Value> implied = Arrays.asList(entry.values());
            if (entryOrder.compare(held, implied) == 0) {
                return null;
            }
            return rowName(row) + " implies " + Literals.tuple(implied, implied.size());
        }
        return null;
    }

    /**
     * Whether the row {@code found} on {@code page} (of rowid {@code rowid}; 0 without rowids), read in place,
     * implies an entry of hash {@code entryHash}: then it implies that entry itself (the trust the digests rest on),
     * and the row need not be decoded. False whenever
     * that cannot be told from the record's bytes (a damaged or overflowing record, an index with expressions or a
     * WHERE clause); the caller then decodes the row.
     */
    private boolean impliesExactly(BTreePage page, SearchResult found, long rowid, long entryHash) {
        if (!(found.cell() instanceof PayloadCell pc) || !pc.problems().isEmpty()) {
            return false;
        }
        LocalPayload p = pc.payload();
        if (!p.allLocal() || !view.parse(page.data(), p.localOffset(), p.localSize(), table.recordColumns().length)
                || !state.generator.hashable(view, table.hasRowid())) {
            return false;
        }
        return state.generator.hash(view, rowid) == entryHash;
    }

    /** The entry's row, by the rowid it ends with; null when it ends with no integer. */
    private SearchResult rowByRowid(List<Value> held) throws IOException {
        int last = state.recordColumns - 1;
        if (last < 0 || held.size() <= last || !(held.get(last) instanceof IntegerValue)) {
            return null;
        }
        return search.byRowid(table.rootPage(), rowidOf(held));
    }

    /** The rowid a rowid table's entry ends with; only for an entry {@link #rowByRowid} looked up. */
    private long rowidOf(List<Value> held) {
        return ((IntegerValue) held.get(state.recordColumns - 1)).value();
    }

    private SearchResult rowByPrimaryKey(List<Value> held) throws IOException {
        List<IndexedColumn> pk = table.primaryKey();
        List<IndexedColumn> cols = state.index.recordColumns();
        List<Value> key = new ArrayList<>();
        for (IndexedColumn p : pk) {
            int at = -1;
            for (int i = cols.size() - 1; i >= 0; i--) {
                if (!cols.get(i).isExpression() && cols.get(i).tableColumn() == p.tableColumn()) {
                    at = i;
                    break;
                }
            }
            if (at < 0 || at >= held.size()) {
                return null;
            }
            key.add(held.get(at));
        }
        return search.byKey(table.rootPage(), key, new KeyComparator(pk, db.encoding()));
    }

    /** "rowid R", or "PRIMARY KEY (v, ...)" in a WITHOUT ROWID table. */
    String rowName(Row row) {
        if (row.rowid() != null) {
            return "rowid " + row.rowid();
        }
        return "PRIMARY KEY " + Literals.tuple(pkValues(row), table.primaryKey().size());
    }

    /** A finding's keys for the row: its rowid, or its PRIMARY KEY values as SQL literals. */
    List<String> rowKeys(Row row) {
        if (row.rowid() != null) {
            return List.of(Long.toString(row.rowid()));
        }
        List<Value> pk = pkValues(row);
        return Literals.of(pk, pk.size());
    }

    private List<Value> pkValues(Row row) {
        return PrimaryKeyHash.rowValues(table, row);
    }

    private String rowidText(List<Value> held) {
        int last = state.recordColumns - 1;
        return last >= 0 && last < held.size() ? SqlLiteral.of(held.get(last)) : "(none)";
    }
}
