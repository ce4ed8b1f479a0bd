package dev.loupe.check.index;

import dev.loupe.check.RowBinding;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingSink;
import dev.loupe.check.ExtraPages;
import dev.loupe.format.Database;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
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
 * digests differ, and whose rowid lies in a rowid range where they differ, are looked up ({@link Suspects}): any other
 * one has its counterpart on the other side, so a descent would find it. With one damaged entry that is one row in
 * {@value EntryDigest#BUCKETS} by the buckets alone (the 10.4-million-row bench file with one changed name:
 * 262 s -> 13 s), and a few hundred by both; where a table lost a subtree of rows, whose entries make every bucket
 * differ, the rows of the ranges of their rowids (a lost subtree of 70,000 rows of that file: 93-98 s -> 5-8 s). A row
 * or entry whose record is damaged is always looked up. Where a walk met damage, a descent there can miss what is
 * there, and what integrity_check reports is what its descents find: damage in a rowid table's tree puts in doubt the
 * entries whose rowid a descent would route through it ({@link dev.loupe.check.DamagedRowids}; every entry in a WITHOUT
 * ROWID table's), and in an index out of key order or with its tree damaged a row's lookup (a descent of the index) can
 * fail only for a key inside an interval where the order breaks or a damaged page lies ({@link KeyBreaks}); those rows
 * and entries are looked up as well. The entries' lookups descend the table, which the index's order and damage do not
 * touch: {@link IndexState#rowLookupsSkippable}, {@link IndexState#entryLookupsSkippable}.
 *
 * <p>When both rows and entries are narrowed, the rows of the differing buckets are not looked up as the table is
 * scanned but held ({@link RowResidues}); the index's scan then matches each entry of those buckets with a held row of
 * the same hash, and only the rows and entries left unmatched are looked up, rows first in scan order as before: a
 * row and an entry of equal hash are the same entry (the digests' own trust), which the lookups would find. With one
 * changed row of the 10.4-million-row bench file: 80,000 rows and 80,000 entries of two buckets, 2 lookups.
 *
 * <p>Those unmatched rows and entries are often few enough for the digests to name them ({@link #nameLocated}): then
 * the rows are found by their rowids and the table is not scanned at all. Otherwise the indexes of one table that
 * need it share one scan of the table ({@link #scanRows}), and their own scans run side by side after it.
 *
 * <p>The descents themselves, and the findings that name what they miss, are in {@link Descents}.
 */
final class MismatchNamer {

    private final Database db;
    private final IndexState state;
    private final Table table;
    private final Descents descents;
    private final RowBinding binding;
    private final int limit;
    /** Where the rows looked up lie (the differing buckets and rowid ranges); null: every row is looked up. */
    private final Suspects rowBuckets;
    /** The same for the index's entries. */
    private final Suspects entryBuckets;
    /** Where the index's key order breaks, when it does and rows are narrowed: rows keyed there are looked up. */
    private final KeyBreaks.Ranges breaks;
    /**
     * The rows of the differing buckets, held until the entries are scanned so that only those no entry matches are
     * looked up; null when every row is looked up as it is met (lookups not narrowed, or more rows than it holds).
     */
    private RowResidues residues;
    private int named;
    private long lookups;

    /**
     * @param rowBuckets   where the rows looked up lie (where the digests differ), or null for every row
     * @param entryBuckets the same for the index's entries
     * @param hold         rows of those buckets held back to match with entries when both are narrowed (at most)
     */
    MismatchNamer(Database db, IndexState state, int limit, Suspects rowBuckets, Suspects entryBuckets, int hold) {
        this.db = db;
        this.state = state;
        this.table = state.table;
        this.descents = new Descents(db, state);
        this.binding = new RowBinding(table, db.encoding());
        this.limit = limit;
        this.rowBuckets = rowBuckets;
        this.entryBuckets = entryBuckets;
        this.breaks = rowBuckets != null && state.keysInDoubt()
                ? state.breaks.ranges(descents.entryOrder(), db.encoding()) : null;
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
        // each row's record read in place once, for every namer's filter
        RecordView record = new RecordView(db.encoding());
        int stored = table.recordColumns().length;
        try {
            new TableReader(db).read(table, (page, offset, size, rowid) -> {
                boolean wantedBySome = false;
                for (int k = 0; k < n && !wantedBySome; k++) {
                    MismatchNamer m = namers.get(k);
                    wantedBySome = !m.done() && !m.passesOver(rowid);
                }
                if (!wantedBySome) {
                    // neither read nor hashed: in a rowid range where no namer's digests differ
                    asked[0] = false;
                    position[0]++;
                    return false;
                }
                boolean sound = record.parse(page.data(), offset, size, stored);
                boolean any = false;
                for (int k = 0; k < n; k++) {
                    MismatchNamer m = namers.get(k);
                    wanted[k] = !m.done() && m.wants(sound ? record : null, rowid);
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
     * scan hands on only the entries of the hashes given (there is none when no entry is given). They are the rows and
     * entries the scans would leave unmatched, and each goes through the lookups it would go through there, in the same
     * order. Only where
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
            Descents.Found found = descents.rowImplying(r.rowid(), r.hash());
            if (found == null) {
                return false;
            }
            leaves[rows.size()] = found.leaf();
            cells[rows.size()] = found.cell();
            rows.add(found.row());
            implied.add(found.implied());
        }
        long[] positions = n == 0 ? new long[0]
                : new RowPositions(db.pages(), db.usableSize(), table.withoutRowid()).of(table.rootPage(), leaves,
                        cells);
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

    /**
     * Whether the exact pass wants a row decoded, given its record read in place ({@code record}, null when it does
     * not read as a sound record): a row whose record hashes outside the differing buckets, and whose key lies outside
     * the intervals where the index's order breaks, is not.
     */
    private boolean wants(RecordView record, long rowid) {
        return rowBuckets == null || record == null || !state.generator.hashable(record, table.hasRowid())
                || rowBuckets.rangeDiffers(rowid) && suspected(rowBuckets, state.generator.hash(record, rowid), rowid)
                || breaks != null && nearBreak(record, rowid);
    }

    /**
     * Whether no row of this rowid is wanted, whatever its record holds: its rowid range is one where the digests
     * agree, and nothing else calls for its lookup (no row damaged where the walk hashed it, no break in the index's
     * key order). Such a row is not even read ({@link #scanRows}).
     */
    private boolean passesOver(long rowid) {
        return rowBuckets != null && breaks == null && !state.damagedRows && table.hasRowid()
                && !rowBuckets.rangeDiffers(rowid);
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
        if (anyway || suspected(rowBuckets, hash, row.rowid() == null ? 0 : row.rowid())) {
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
            Row row = descents.row(held.page(i), held.cell(i));
            if (state.generator.entryFor(row, binding) instanceof ImpliedEntry.Entry entry) {
                lookups++;
                check(row, held.position(i), Arrays.asList(entry.values()), sink);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Looks up the entry {@code row} implies, and names the row when a descent of the index does not find it. */
    private void check(Row row, long position, List<Value> implied, FindingSink sink) {
        try {
            Finding f = descents.rowFinding(row, position, implied);
            if (f != null) {
                named++;
                sink.add(f);
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
                // the entry's row looked up by the rowid the record ends with: when it implies this very entry, that
                // lookup is all the entry needs (when not, the entry is decoded and looked up again, with what a
                // finding reports)
                if (descents.rowImplies(record, hash)) {
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
            Finding f = descents.entryFinding(cell, path, held);
            if (f != null) {
                named++;
                sink.add(f);
            }
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

    /** Whether a row or entry with this hash and rowid (as its digest summed it) must be looked up. */
    static boolean suspected(Suspects suspects, long hash, long rowid) {
        return suspects == null || suspects.suspected(hash, rowid);
    }
}
