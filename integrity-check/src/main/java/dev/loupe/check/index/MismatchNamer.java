package dev.loupe.check.index;

import dev.loupe.check.RowBinding;
import dev.loupe.check.Literals;
import dev.loupe.format.record.SqlLiteral;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.FindingSink;
import dev.loupe.check.ExtraPages;
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
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.RowDecoder;
import dev.loupe.format.table.RowSink;
import dev.loupe.format.table.TableReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The exact pass, run only for an index whose digest differs from its table's: names the rows whose entry is
 * missing or differs (each row's entry looked up by a b-tree descent, as integrity_check does) and the entries
 * that match no row (each entry's row looked up by rowid or primary key). Memory stays bounded: one row or entry
 * at a time, and at most {@link RowResidues#CAP} rows held back (below); time is O(n log n) page visits, which only
 * damaged indexes pay.
 *
 * <p>When descents find what the walks found, only the rows and entries whose hash falls in a bucket where the two
 * digests differ are looked up ({@link EntryDigest#differingBuckets}): any other one has its counterpart on the other
 * side, so a descent would find it. With one damaged entry that is one row in {@value EntryDigest#BUCKETS} (the
 * 10.4-million-row bench file with one changed name: 262 s -> 13 s). A row or entry whose record is damaged is always
 * looked up. Where a walk met damage, a descent there can miss what is there, and what integrity_check reports is
 * what its descents find: damage in a rowid table's tree puts in doubt the entries whose rowid a descent would route
 * through it ({@link dev.loupe.check.DamagedRowids}; every entry in a WITHOUT ROWID table's), and in an index out of
 * key order or with its tree damaged a row's lookup (a descent of the index) can fail only for a key inside an
 * interval where the order breaks or a damaged page lies ({@link KeyBreaks}); those rows and entries are looked up
 * as well. The entries' lookups descend the table, which the index's order and damage do not touch:
 * {@link IndexState#rowLookupsSkippable}, {@link IndexState#entryLookupsSkippable}.
 *
 * <p>When both rows and entries are narrowed, the rows of the differing buckets are not looked up as the table is
 * scanned but held ({@link RowResidues}); the index's scan then matches each entry of those buckets with a held row of
 * the same hash, and only the rows and entries left unmatched are looked up, rows first in scan order as before: a
 * row and an entry of equal hash are the same entry (the digests' own trust), which the lookups would find. With one
 * changed row of the 10.4-million-row bench file: 80,000 rows and 80,000 entries of two buckets, 2 lookups.
 */
final class MismatchNamer {

    private final Database db;
    private final IndexState state;
    private final Table table;
    private final TreeSearch search;
    private final KeyComparator entryOrder;
    private final IndexSeek seek;
    private final RowBinding binding;
    private final int limit;
    /** Buckets whose rows are looked up; null: every row is. */
    private final boolean[] rowBuckets;
    /** Buckets whose entries are looked up; null: every entry is. */
    private final boolean[] entryBuckets;
    /** Where the index's key order breaks, when it does and rows are narrowed: rows keyed there are looked up. */
    private final KeyBreaks.Ranges breaks;
    /** A row's or entry's record read in place, to see from its hash alone that it need not be looked up. */
    private final RecordView view;
    private final RowDecoder rowDecoder;
    /**
     * The rows of the differing buckets, held until the entries are scanned so that only those no entry matches are
     * looked up; null when every row is looked up as it is met (lookups not narrowed, or more rows than it holds).
     */
    private RowResidues residues;
    private int named;
    private long lookups;

    /**
     * @param rowBuckets   the buckets whose rows are looked up (where the digests differ), or null for every row
     * @param entryBuckets the same for the index's entries
     * @param hold         rows of those buckets held back to match with entries when both are narrowed (at most)
     */
    MismatchNamer(Database db, IndexState state, int limit, boolean[] rowBuckets, boolean[] entryBuckets, int hold) {
        this.db = db;
        this.state = state;
        this.table = state.table;
        // a lookup per row or entry: the trees' interior pages stay decoded (8 MiB of them at most)
        this.search = new TreeSearch(db.pages(), db.usableSize(), db.encoding()).keepingInteriorPages(8 << 20);
        this.entryOrder = new KeyComparator(state.index.recordColumns(), db.encoding());
        this.seek = new IndexSeek(db, search, entryOrder);
        this.binding = new RowBinding(table, db.encoding());
        this.limit = limit;
        this.rowBuckets = rowBuckets;
        this.entryBuckets = entryBuckets;
        this.breaks = rowBuckets != null && state.keysInDoubt() ? state.breaks.ranges(entryOrder, db.encoding())
                : null;
        this.view = new RecordView(db.encoding());
        this.rowDecoder = new RowDecoder(db, table);
        this.residues = rowBuckets != null && entryBuckets != null && hold > 0 ? new RowResidues(hold) : null;
    }

    /** Rows and entries looked up so far (for the test that holds the buckets to their promise). */
    long lookups() {
        return lookups;
    }

    /** @param pages where the pages of the two scans are counted (for the progress line) */
    void name(FindingSink sink, ExtraPages pages) throws IOException {
        scanRows(db, table, List.of(this), List.of(sink), pages);
        afterRows(sink, pages);
    }

    /**
     * The rows' half of {@link #name} for several indexes of one table at once: one scan of the table, each row handed
     * to each namer that does not turn it down, at the same scan position, each namer naming into its own sink. What
     * each namer names is what its own scan would have named: the same rows in the same order. A damaged table
     * differs from all its indexes; this scans it once instead of once for each.
     */
    static void scanRows(Database db, Table table, List<MismatchNamer> namers, List<FindingSink> sinks,
                         ExtraPages pages) throws IOException {
        int n = namers.size();
        // which namers want the row the filter was last asked about (rows it is not asked about go to every namer)
        boolean[] wanted = new boolean[n];
        boolean[] asked = {false};
        // the row's position in the scan, as integrity_check numbers rows: the filter counts the rows every namer
        // turns down, the sink those it is handed
        long[] position = {0};
        try {
            new TableReader(db).read(table, (page, offset, size, rowid) -> {
                boolean any = false;
                for (int k = 0; k < n; k++) {
                    MismatchNamer m = namers.get(k);
                    wanted[k] = !m.done() && m.wants(page, offset, size, rowid);
                    any |= wanted[k];
                }
                asked[0] = any;
                if (!any) {
                    position[0]++;
                }
                return any;
            }, new RowSink() {
                @Override
                public boolean row(Row row) {
                    position[0]++;
                    boolean more = false;
                    for (int k = 0; k < n; k++) {
                        MismatchNamer m = namers.get(k);
                        if (!m.done() && (!asked[0] || wanted[k])) {
                            m.row(row, position[0], sinks.get(k));
                        }
                        more |= !m.done();
                    }
                    asked[0] = false;
                    return more;
                }

                @Override
                public void page(long number) {
                    pages.read(1);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The entries' half of {@link #name}, after {@link #scanRows}. */
    void afterRows(FindingSink sink, ExtraPages pages) throws IOException {
        try {
            if (residues == null) {
                if (named < limit) {
                    entries(sink, pages);
                }
                return;
            }
            // the entries first, each taking the row it matches; their findings come after the rows', as above
            FindingSink entryFindings = new FindingSink(limit);
            int rowsNamed = named;
            entries(entryFindings, pages);
            named = rowsNamed;
            lookUpUnmatchedRows(sink);
            appendEntryFindings(entryFindings, sink);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Pages of the table's tree (what a scan of it reads). */
    long tablePages() {
        return state.tablePages;
    }

    /** Pages of the index's tree (what a scan of it reads). */
    long indexPages() {
        return state.indexPages;
    }

    /** Whether this namer has named as many as it may. */
    private boolean done() {
        return named >= limit;
    }

    /**
     * Names what {@link #name} names, but takes the rows and entries by which the digests differ from the digests
     * ({@link LoneDifferences}): the rows are found by their rowids instead of by a scan of the table, and the index's
     * scan hands on only the entries of the hashes given (there is none when no entry is given). They are the rows and entries the scans would leave
     * unmatched, and each goes through the lookups it would go through there, in the same order. Only where
     * {@link IndexState#differencesLocatable}, with lookups narrowed and rows held. Each row is first found and its
     * hash held to the digests' one, and its scan position counted ({@link RowPositions}); when one is not there (a
     * bucket differed by more than the one entry its sums suggest), nothing is named and this returns false: then
     * {@link #name} scans.
     *
     * @param pages where the pages of the index's scan are counted (the progress line)
     */
    boolean nameLocated(LoneDifferences lone, FindingSink sink, ExtraPages pages) throws IOException {
        int n = lone.rows().size();
        List<Row> rows = new ArrayList<>(n);
        List<List<Value>> implied = new ArrayList<>(n);
        long[] leaves = new long[n];
        int[] cells = new int[n];
        for (EntryDigest.Lone r : lone.rows()) {
            SearchResult found = search.byRowid(table.rootPage(), r.rowid());
            BTreePage page = found.found() ? search.pageOf(found) : null;
            if (page == null || !found.problems().isEmpty() || !(found.cell() instanceof PayloadCell)
                    || !found.cell().problems().isEmpty()) {
                return false;
            }
            Row row = rowDecoder.decode(page, found.cell());
            if (!row.problems().isEmpty() || !(state.generator.entryFor(row, binding) instanceof ImpliedEntry.Entry e)
                    || EntryHash.of(e.values(), db.encoding()) != r.hash()) {
                return false;
            }
            leaves[rows.size()] = page.number();
            cells[rows.size()] = found.endStep().index();
            rows.add(row);
            implied.add(Arrays.asList(e.values()));
        }
        long[] positions = n == 0 ? new long[0]
                : new RowPositions(db.pages(), db.usableSize()).of(table.rootPage(), leaves, cells);
        if (positions == null) {
            return false;
        }
        // the entries first, each looked for by its hash; the rows' findings come first (as in name()). With no lone
        // entry, every entry of the differing buckets matches a row: the index need not be scanned at all
        int[] met = new int[lone.entries().size()];
        FindingSink entryFindings = new FindingSink(limit);
        int namedBefore = named;
        long lookupsBefore = lookups;
        if (met.length > 0) {
            pages.expect(state.indexPages);
            try {
                new EntryScan(db, state, entryBuckets, hash -> lone.entry(hash) >= 0, lone::entryRowid).run(pages,
                        entryHandler(entryFindings, hash -> met[lone.entry(hash)]++));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        for (int m : met) {
            if (m != 1) {
                // an entry the digests named is not in the index once (some bucket differed by more than one), or
                // the limit ended the scan before it: name nothing, and let name() scan
                named = namedBefore;
                lookups = lookupsBefore;
                return false;
            }
        }
        named = namedBefore;
        for (int i = 0; i < n && named < limit; i++) {
            lookups++;
            check(rows.get(i), positions[i], implied.get(i), sink);
        }
        appendEntryFindings(entryFindings, sink);
        return true;
    }

    /** The entries' findings after the rows', up to the limit. */
    private void appendEntryFindings(FindingSink entryFindings, FindingSink sink) {
        for (Finding f : entryFindings.findings()) {
            if (named >= limit) {
                break;
            }
            named++;
            sink.add(f);
        }
    }

    /** The held rows no entry took, looked up in scan order. */
    private void lookUpUnmatchedRows(FindingSink sink) {
        for (int i = 0; i < residues.size() && named < limit; i++) {
            if (!residues.matched(i)) {
                lookUp(residues, i, sink);
            }
        }
    }

    private BTreePage page(long pgno) throws IOException {
        byte[] data = db.pages().read(pgno);
        if (data == null) {
            throw new IOException("page " + pgno + " can no longer be read");
        }
        return BTreePage.decode(pgno, data, db.usableSize());
    }

    /**
     * Whether the exact pass wants the row whose sound record is {@code page.data()[offset, offset + size)} decoded:
     * a row whose record hashes outside the differing buckets, and whose key lies outside the intervals where the
     * index's order breaks, is not.
     */
    private boolean wants(BTreePage page, int offset, int size, long rowid) {
        return rowBuckets == null || !view.parse(page.data(), offset, size, table.recordColumns().length)
                || !state.generator.hashable(view, table.hasRowid())
                || suspected(rowBuckets, state.generator.hash(view, rowid))
                || breaks != null && nearBreak(view, rowid);
    }

    /** A row of the table's scan, at {@code position}: its implied entry looked up in the index, or held. */
    private void row(Row row, long position, FindingSink sink) {
        ImpliedEntry e = state.generator.entryFor(row, binding);
        if (!(e instanceof ImpliedEntry.Entry entry)) {
            return;
        }
        // a damaged row, or one keyed where the index's order breaks, is looked up whatever the entries hold
        boolean anyway = !row.problems().isEmpty() || nearBreak(entry.values());
        long hash = EntryHash.of(entry.values(), db.encoding());
        if (anyway || suspected(rowBuckets, hash)) {
            if (residues != null && residues.add(anyway, hash, position, row.page(), row.cellIndex())) {
                return;
            }
            if (residues != null) {
                // more rows than are held: those held are looked up now, in order, and so is every row after
                lookUpHeld(sink);
                if (named >= limit) {
                    return;
                }
            }
            lookups++;
            check(row, position, Arrays.asList(entry.values()), sink);
        }
    }

    /** Looks up every held row, in order, and holds no more (see {@link #residues}). */
    private void lookUpHeld(FindingSink sink) {
        RowResidues held = residues;
        residues = null;
        for (int i = 0; i < held.size() && named < limit; i++) {
            lookUp(held, i, sink);
        }
    }

    /** Row {@code i} of {@code held} read again from its page and looked up as the scan would have. */
    private void lookUp(RowResidues held, int i, FindingSink sink) {
        try {
            BTreePage page = page(held.page(i));
            Row row = rowDecoder.decode(page, page.cell(held.cell(i)));
            if (state.generator.entryFor(row, binding) instanceof ImpliedEntry.Entry entry) {
                lookups++;
                check(row, held.position(i), Arrays.asList(entry.values()), sink);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void check(Row row, long position, List<Value> implied, FindingSink sink) {
        try {
            IndexSeek.Hit hit = seek.find(state.index.rootPage(), implied);
            String name = state.index.name();
            if (hit == null) {
                named++;
                sink.add(Finding.of(FindingCode.INDEX_ENTRY_MISSING, "row " + position + " of " + table.name()
                                + " (" + rowName(row) + ") has no entry " + Literals.tuple(implied, implied.size())
                                + " in index " + name)
                        .object(name).page(row.page()).cell(row.cellIndex()).keys(rowKeys(row))
                        .sqlite("row " + position + " missing from index " + name));
                return;
            }
            List<Value> held = hit.values();
            for (int i = 0; i < implied.size(); i++) {
                if (i >= held.size() || !EntryHash.same(implied.get(i), held.get(i))) {
                    named++;
                    // 3.41+ prints "row N values differ from index I"; 3.40 has no such check, so no 3.40 text
                    sink.add(Finding.of(FindingCode.INDEX_ENTRY_DIFFERS, "row " + position + " of " + table.name()
                                    + " (" + rowName(row) + ") implies " + Literals.tuple(implied, implied.size())
                                    + " but index " + name + " holds " + Literals.tuple(held, held.size())
                                    + " (equal only under the index's collation)")
                            .object(name).at(hit.cell().span()).cell(hit.cell().index()).keys(rowKeys(row)));
                    return;
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Every entry of the index (of the differing buckets), its row looked up as it is met. */
    private void entries(FindingSink sink, ExtraPages pages) throws IOException {
        new EntryScan(db, state, entryBuckets).run(pages, entryHandler(sink, null));
    }

    /**
     * What becomes of an entry the index's scan hands on: its row found, or the entry named into {@code sink}.
     *
     * @param met told the hash of each entry handed on, or null
     */
    private EntryScan.Handler entryHandler(FindingSink sink, LongConsumer met) {
        return new EntryScan.Handler() {
            @Override
            public void met(long hash) {
                if (met != null) {
                    met.accept(hash);
                }
            }

            @Override
            public boolean inPlace(RecordView record, long hash) throws IOException {
                // a held row vouches for the entry only where a descent of the table would find that row; where
                // the table's damage puts that in doubt the entry is looked up, and takes the row only then
                boolean doubt = state.rowidInDoubt(record);
                if (residues != null && !doubt && residues.take(hash)) {
                    return true;
                }
                // the entry's row looked up by the rowid the record ends with, and hashed in place: when it implies
                // this very entry, that lookup is all the entry needs (when not, the entry is decoded and looked
                // up again, with what a finding reports)
                int last = state.recordColumns - 1;
                if (!table.hasRowid() || last < 0 || record.count() != state.recordColumns || !record.isInteger(last)) {
                    return false;
                }
                long rowid = record.integer(last);
                SearchResult found = search.byRowid(table.rootPage(), rowid);
                BTreePage page = found.found() ? search.pageOf(found) : null;
                if (page != null && impliesExactly(page, found, rowid, hash)) {
                    lookups++;
                    if (doubt && residues != null) {
                        residues.take(hash);
                    }
                    return true;
                }
                return false;
            }

            @Override
            public void entry(BTreePage page, PayloadCell cell, List<PathStep> path, List<Value> held, boolean sound,
                              long hash) {
                // a held row implies this entry: the row's lookup (a descent of the index) would find it, and the
                // entry's would find the row unless the table's damage is in the way
                if (sound && residues != null && residues.take(hash) && !state.rowidInDoubt(held)) {
                    return;
                }
                report(cell, path, held, sink);
            }

            @Override
            public boolean stop() {
                return named >= limit;
            }
        };
    }

    /** Looks up the row of the entry {@code held} of {@code cell}, and names the entry when none implies it. */
    private void report(PayloadCell cell, List<PathStep> path, List<Value> held, FindingSink sink) {
        try {
            lookups++;
            String why = unmatched(held);
            if (why == null) {
                return;
            }
            named++;
            String name = state.index.name();
            sink.add(Finding.of(FindingCode.INDEX_ENTRY_EXTRA, "entry " + Literals.tuple(held, held.size())
                            + " of index " + name + " matches no row of " + table.name() + ": " + why)
                    .object(name).at(cell.span()).cell(cell.index()).path(new ArrayList<>(path))
                    .keys(Literals.of(held, held.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #nearBreak(Value[])} for the key a sound row implies, read from its record: most keys lie outside the
     * intervals on their first value alone, and are not decoded.
     */
    private boolean nearBreak(RecordView row, long rowid) {
        int first = state.generator.field(0);
        if (first >= 0 && breaks.outside(row, first)) {
            return false;
        }
        return breaks.contain(state.generator.values(row, rowid));
    }

    /** Whether a descent for this key may be misled by the index's key order (see {@link KeyBreaks}). */
    private boolean nearBreak(Value[] key) {
        if (breaks == null) {
            return false;
        }
        List<Value> k = Arrays.asList(key);
        return k.contains(null) || breaks.contain(k);
    }

    /** Whether a row or entry with this hash must be looked up. */
    static boolean suspected(boolean[] buckets, long hash) {
        return buckets == null || buckets[EntryDigest.bucket(hash)];
    }

    /** Why {@code held} matches no row, or null if its row implies it. */
    private String unmatched(List<Value> held) throws IOException {
        SearchResult found = table.hasRowid() ? rowByRowid(held) : rowByPrimaryKey(held);
        BTreePage page = found == null || !found.found() ? null : search.pageOf(found);
        if (page == null) {
            return table.hasRowid() ? "no row has rowid " + rowidText(held)
                    : "no row has that PRIMARY KEY";
        }
        if (held.size() == state.recordColumns && !held.contains(null) && impliesExactly(page, found,
                table.hasRowid() ? ((IntegerValue) held.get(state.recordColumns - 1)).value() : 0,
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

    private SearchResult rowByRowid(List<Value> held) throws IOException {
        int last = state.recordColumns - 1;
        if (last < 0 || held.size() <= last || !(held.get(last) instanceof IntegerValue rowid)) {
            return null;
        }
        return search.byRowid(table.rootPage(), rowid.value());
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



    private String rowName(Row row) {
        if (row.rowid() != null) {
            return "rowid " + row.rowid();
        }
        return "PRIMARY KEY " + Literals.tuple(pkValues(row), table.primaryKey().size());
    }

    private List<String> rowKeys(Row row) {
        if (row.rowid() != null) {
            return List.of(Long.toString(row.rowid()));
        }
        List<Value> pk = pkValues(row);
        return Literals.of(pk, pk.size());
    }

    private List<Value> pkValues(Row row) {
        List<Value> out = new ArrayList<>();
        for (IndexedColumn p : table.primaryKey()) {
            int c = p.tableColumn();
            out.add(c >= 0 && c < row.values().size() ? row.values().get(c) : null);
        }
        return out;
    }

    private String rowidText(List<Value> held) {
        int last = state.recordColumns - 1;
        return last >= 0 && last < held.size() ? SqlLiteral.of(held.get(last)) : "(none)";
    }
}
