package dev.loupe.check.index;

import dev.loupe.check.ExtraPages;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.FindingSink;
import dev.loupe.check.Literals;
import dev.loupe.format.Database;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;
import dev.loupe.format.table.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The entries of the rows whose entry could not be computed ({@link UncertainRows}), found by rowid after the walks:
 * one scan of the index hands on the entries that end with one of those rowids (in a WITHOUT ROWID table's index,
 * those that carry one of those rows' PRIMARY KEYs, {@link PrimaryKeyHash}). Each is taken out of the index's
 * digest, so that the digests compare the index's other entries with the other rows, as if those rows were not
 * there; and each such row is held to what is known of it, which is what SQLite reports whatever it computes:
 * <ul>
 * <li>a row that needs an entry (its WHERE clause, if any, is true) and has none is missing from the index: SQLite's
 * lookup of its key and rowid fails whatever the key ("row N missing from index");</li>
 * <li>where the row's key is known to be one of a few values, one per SQLite version (a day past its month's end),
 * its entry must hold one of them; else the row is missing and the entry matches no row;</li>
 * <li>more entries than the row can have: the others match no row.</li>
 * </ul>
 * What stays unknown is the key itself where nothing is known of it: one {@code not-checked} finding says so.
 *
 * <p>Up to {@link #MAX_ENTRIES} such entries: otherwise {@link #settle} returns null and the index is not compared,
 * as before. An entry that does not read soundly (its record damaged) is left
 * to the digests, whatever rowid it seems to end with: it is not the entry SQLite's lookup of the row would find,
 * so such a row without another entry is missing.
 */
final class UncertainEntries {

    /** Entries of those rows held for the findings (an index can repeat a rowid many times only when damaged). */
    static final int MAX_ENTRIES = 2 * UncertainRows.CAP;

    /**
     * What the rows held by rowid add to the entry count: the entries found for them, how many of the rows need an
     * entry, how many more may have one (their WHERE clause unknown), and how many of those have one.
     */
    record Counts(long found, long needed, long allowed, long allowedFound) {
        static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    /**
     * One entry of an uncertain row: its row's key ({@link UncertainRows#key}) and its hash from the first scan;
     * where a finding names it, its place and values from a second scan of the wanted entries alone
     * ({@link #detail}).
     */
    private static final class Met {
        final long key;
        final long hash;
        Span span;
        int cell = -1;
        List<PathStep> path = List.of();
        List<Value> values;

        Met(long key, long hash) {
            this.key = key;
            this.hash = hash;
        }

        long key() {
            return key;
        }

        long hash() {
            return hash;
        }
    }

    /** Entries whose place and values a second scan reads for the findings, at most (the rest are named bare). */
    static final int DETAILED = 10_000;

    private final Database db;
    private final IndexState state;
    private final UncertainRows rows;

    UncertainEntries(Database db, IndexState state) {
        this.db = db;
        this.state = state;
        this.rows = state.uncertain;
    }

    /** Whether {@link #settle} can work on this index at all. */
    static boolean applies(IndexState s) {
        return (s.table.hasRowid() || s.primaryKey != null) && !s.uncertain.overflowed() && s.recordColumns > 0;
    }

    /** The rowid by which an entry of the row of this key was summed in the digests: none in a WITHOUT ROWID table. */
    private long digestRowid(long key) {
        return state.table.hasRowid() ? key : 0;
    }

    /** The key of the row a sound entry read in place names, if it has the index's length; else null. */
    private Long keyOf(RecordView entry) {
        if (entry.count() != state.recordColumns) {
            return null;
        }
        int last = state.recordColumns - 1;
        return state.primaryKey != null ? Long.valueOf(state.primaryKey.ofEntry(entry))
                : entry.isInteger(last) ? Long.valueOf(entry.integer(last)) : null;
    }

    /** {@link #keyOf(RecordView)} of a sound entry's decoded values. */
    private Long keyOf(List<Value> entry) {
        if (entry.size() != state.recordColumns) {
            return null;
        }
        return state.primaryKey != null ? Long.valueOf(state.primaryKey.ofEntry(entry))
                : entry.get(state.recordColumns - 1) instanceof IntegerValue r ? Long.valueOf(r.value()) : null;
    }

    /**
     * Scans the index for the rows' entries, takes them out of {@link IndexState#held} and names into {@code sink}
     * what they show; null (nothing named, nothing taken out) when too many entries end with those rowids.
     */
    Counts settle(FindingSink sink, ExtraPages pages) throws IOException {
        rows.seal();
        List<Met> met = scan(pages);
        if (met == null) {
            return null;
        }
        for (Met m : met) {
            state.held.remove(m.hash(), digestRowid(m.key()));
        }
        met.sort((a, b) -> Long.compare(a.key(), b.key()));
        List<Integer> missing = new ArrayList<>();
        List<Met> extras = new ArrayList<>();
        // per extra entry: how many rows have its key, and whether their possible keys are known
        List<int[]> extraWhy = new ArrayList<>();
        // the rows of each kind (by UncertainRows.kind) not named missing, and how many of those have an entry
        List<List<Integer>> ofKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int[] withEntry = new int[3];
        List<Integer> versionRows = new ArrayList<>();
        List<Integer> versionKeys = new ArrayList<>();
        List<Met> versionEntries = new ArrayList<>();
        long needed = 0;
        long allowed = 0;
        long allowedFound = 0;
        int e = 0;
        for (int i = 0; i < rows.size(); ) {
            long key = rows.key(i);
            int end = i;
            while (end < rows.size() && rows.key(end) == key) {
                end++;
            }
            int from = e;
            while (e < met.size() && met.get(e).key() == key) {
                e++;
            }
            boolean[] taken = new boolean[e - from];
            boolean someKeys = false;
            // rows whose possible keys are known take an entry holding one of them first, then the others any
            for (int pass = 0; pass < 2; pass++) {
                for (int r = i; r < end; r++) {
                    long[] keys = rows.candidates(r);
                    if ((keys != null) != (pass == 0)) {
                        continue;
                    }
                    someKeys |= keys != null;
                    needed += rows.needsEntry(r) ? 1 : 0;
                    allowed++;
                    int t = take(met, from, taken, keys);
                    allowedFound += t >= 0 && !rows.needsEntry(r) ? 1 : 0;
                    int kind = UncertainRows.kind(keys);
                    if (t < 0 && rows.needsEntry(r)) {
                        missing.add(r);
                        continue;
                    }
                    ofKind.get(kind).add(r);
                    withEntry[kind] += t < 0 ? 0 : 1;
                    if (t >= 0 && kind == UncertainRows.VERSION_KEYS) {
                        versionRows.add(r);
                        versionKeys.add(indexOf(keys, met.get(from + t).hash()));
                        versionEntries.add(met.get(from + t));
                    }
                }
            }
            for (int k = 0; k < taken.length; k++) {
                if (!taken[k]) {
                    extras.add(met.get(from + k));
                    extraWhy.add(new int[] {end - i, someKeys ? 1 : 0});
                }
            }
            i = end;
        }
        Descents descents = new Descents(db, state);
        List<Integer> unknown = ofKind.get(UncertainRows.UNKNOWN_KEY);
        if (!unknown.isEmpty()) {
            sink.add(notChecked(descents, unknown, "the key of ", "could not be computed ("
                    + rows.reason(UncertainRows.UNKNOWN_KEY) + ")", "; " + entries(withEntry[UncertainRows.UNKNOWN_KEY],
                    unknown.size()) + ", and the index's other entries compared with the table's other rows"));
        }
        List<Integer> known = ofKind.get(UncertainRows.KNOWN_KEY);
        if (!known.isEmpty()) {
            int n = withEntry[UncertainRows.KNOWN_KEY];
            sink.add(notChecked(descents, known, "whether ", "need an entry could not be computed ("
                    + rows.reason(UncertainRows.KNOWN_KEY) + ")", "; " + (n == 0 ? "none has one"
                    : n + (n == 1 ? " has one" : " have one") + ", holding the key its row implies") + ", and the"
                    + " index's other entries were compared with the table's other rows"));
        }
        List<Met> wanted = new ArrayList<>(versionEntries);
        wanted.addAll(extras);
        detail(wanted, pages);
        List<Integer> named = new ArrayList<>(missing);
        named.addAll(versionRows);
        Positions at = positions(descents, named);
        String its = state.table.hasRowid() ? "its rowid" : "its PRIMARY KEY";
        for (int i = 0; i < missing.size() && at != null; i++) {
            long[] keys = rows.candidates(missing.get(i));
            String why = keys == null ? "its key could not be computed, but no entry " + (state.table.hasRowid()
                    ? "ends with its rowid" : "carries its PRIMARY KEY")
                    : "no entry of " + its + " holds any of the " + keys.length + " keys the SQLite versions compute";
            sink.add(descents.rowWithoutEntry(at.rows.get(i), at.positions[i], why));
        }
        for (int i = 0; i < versionRows.size() && at != null; i++) {
            int r = versionRows.get(i);
            sink.add(versionKey(descents, at.rows.get(missing.size() + i), at.positions[missing.size() + i],
                    versionKeys.get(i), rows.candidates(r).length, versionEntries.get(i)));
        }
        for (int k = 0; k < extras.size(); k++) {
            Met m = extras.get(k);
            sink.add(extra(m, extraWhy(rowOf(m), extraWhy.get(k)[0], extraWhy.get(k)[1] == 1)));
        }
        return new Counts(met.size(), needed, allowed - needed, allowedFound);
    }

    /**
     * The finding for a row whose key depends on the SQLite version and whose entry holds one version's key: key
     * {@code k} of {@code n}, ordered as the functions give their answers (SQLite 3.40's first, the later versions'
     * last). The version whose key it is not reports the row missing from the index, and its queries through the
     * index do not find the row.
     */
    private Finding versionKey(Descents descents, Row row, long position, int k, int n, Met entry) {
        String name = state.index.name();
        String rowText = (position > 0 ? "row " + position : "a row") + " of " + state.table.name() + " ("
                + descents.rowName(row) + ")";
        String whose = k == 0 ? "the key SQLite 3.40 computes: later versions (3.54 among them) compute another, and"
                + " their"
                : (k == n - 1 ? "the key SQLite 3.54 computes" : "one of the keys later versions compute")
                + ": SQLite 3.40 computes another, and its";
        Finding.Builder f = Finding.of(FindingCode.INDEX_KEY_VERSION, "the key of " + rowText + " in index " + name
                        + " depends on the SQLite version (" + rows.reason(UncertainRows.VERSION_KEYS) + "): its entry "
                        + (entry.values == null ? "" : Literals.tuple(entry.values, entry.values.size()) + " (page "
                        + entry.span.page() + ", cell " + entry.cell + ") ") + "holds " + whose
                        + " integrity_check reports the row missing from the index")
                .object(name).page(row.page()).cell(row.cellIndex()).keys(descents.rowKeys(row));
        // SQLite 3.40 itself reports the row where the entry does not hold its key
        return (k != 0 && position > 0 ? f.sqlite(MissingRowLine.of(position, name)) : f).build();
    }

    /** Rows read again where the walk read them, with their scan positions (0 where those could not be counted). */
    private record Positions(List<Row> rows, long[] positions) {
    }

    /**
     * The rows {@code which} (indexes into {@link #rows}), read again from the cells the walk read them from, not
     * found by a descent: a damaged divider on the way would send that the wrong way, and the row, which the walk
     * read, would go unnamed. Their scan positions are counted in walk order through the tree's child pointers.
     */
    private Positions positions(Descents descents, List<Integer> which) throws IOException {
        if (which.isEmpty()) {
            return null;
        }
        // places in which, in walk order: the order RowPositions counts in
        Integer[] order = new Integer[which.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(rows.walkOrder(which.get(a)), rows.walkOrder(which.get(b))));
        long[] leaves = new long[order.length];
        int[] cells = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            leaves[i] = rows.page(which.get(order[i]));
            cells[i] = rows.cell(which.get(order[i]));
        }
        long[] counted = new RowPositions(db.pages(), db.usableSize(), state.table.withoutRowid())
                .of(state.table.rootPage(), leaves, cells);
        long[] positions = new long[which.size()];
        for (int i = 0; counted != null && i < order.length; i++) {
            positions[order[i]] = counted[i];
        }
        List<Row> out = new ArrayList<>();
        for (int r : which) {
            out.add(descents.row(rows.page(r), rows.cell(r)));
        }
        return new Positions(out, positions);
    }

    private static int indexOf(long[] hashes, long h) {
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] == h) {
                return i;
            }
        }
        return -1;
    }

    /** How the entries of {@code rows} rows were found, {@code n} of them having one. */
    private String entries(int n, int rows) {
        String by = state.table.hasRowid() ? "by rowid" : "by PRIMARY KEY";
        return n == rows ? (rows == 1 ? "its entry was found " : "their entries were found ") + by
                : "their entries were looked for " + by + " (" + n + " found, the others need none)";
    }

    /**
     * A not-checked finding about some of the rows ({@code which}: indexes into {@link #rows}): lead + "N rows of T " +
     * what + their rowids (PRIMARY KEYs, read again where the walk read the rows, in walk order) + rest.
     */
    private Finding notChecked(Descents descents, List<Integer> which, String lead, String what, String rest)
            throws IOException {
        String name = state.index.name();
        List<Integer> order = new ArrayList<>(which);
        if (!state.table.hasRowid()) {
            order.sort((a, b) -> Integer.compare(rows.walkOrder(a), rows.walkOrder(b)));
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < order.size() && shown.size() < SHOWN; i++) {
            int r = order.get(i);
            shown.add(state.table.hasRowid() ? Long.toString(rows.key(r))
                    : "(" + String.join(", ", descents.rowKeys(descents.row(rows.page(r), rows.cell(r)))) + ")");
        }
        int n = which.size();
        String named = state.table.hasRowid() ? "rowid" : "PRIMARY KEY";
        return Finding.of(FindingCode.NOT_CHECKED, "index " + name + ": " + lead + (n == 1 ? "1 row" : n + " rows")
                        + " of " + state.table.name() + " " + what + ": " + named + (n == 1 ? " " : "s ")
                        + String.join(", ", shown) + (n > shown.size() ? ", ..." : "") + rest)
                .object(name).keys(shown).build();
    }

    /** Rows a not-checked finding lists. */
    private static final int SHOWN = 10;

    /**
     * The first entry of {@code met} from {@code from} not yet taken whose hash is one of {@code keys} (any, when
     * null): taken, and its place returned; -1 when there is none.
     */
    private static int take(List<Met> met, int from, boolean[] taken, long[] keys) {
        for (int k = 0; k < taken.length; k++) {
            if (!taken[k] && (keys == null || contains(keys, met.get(from + k).hash()))) {
                taken[k] = true;
                return k;
            }
        }
        return -1;
    }

    private static boolean contains(long[] hashes, long h) {
        for (long x : hashes) {
            if (x == h) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entries of the rows' keys (that end with one of their rowids, or carry one of their PRIMARY KEYs), by key
     * and hash alone (a sound record that lies on its page is not decoded); null past {@link #MAX_ENTRIES}.
     */
    private List<Met> scan(ExtraPages pages) throws IOException {
        List<Met> out = new ArrayList<>();
        boolean[] tooMany = {false};
        pages.expect(state.indexPages);
        scan(pages, rowid -> rows.indexOf(rowid) >= 0, new EntryScan.Handler() {
            @Override
            public boolean inPlace(RecordView record, long hash) {
                // an entry of another key (the scan hands on every interior cell, and in a damaged table the
                // entries in doubt) is no concern here
                add(keyOf(record), hash);
                return true;
            }

            @Override
            public void entry(BTreePage page, PayloadCell cell, List<PathStep> path, List<Value> held,
                              boolean sound, long hash) {
                if (sound) {
                    add(keyOf(held), hash);
                }
            }

            private void add(Long key, long hash) {
                if (key == null || rows.indexOf(key) < 0) {
                    return;
                }
                if (out.size() == MAX_ENTRIES) {
                    tooMany[0] = true;
                } else {
                    out.add(new Met(key, hash));
                }
            }

            @Override
            public boolean stop() {
                return tooMany[0];
            }
        });
        return tooMany[0] ? null : out;
    }

    /**
     * Reads the place and values of the entries {@code wanted} (the first {@link #DETAILED} of them) for their
     * findings: one more scan of the index, handing on only the entries of their keys.
     */
    private void detail(List<Met> wanted, ExtraPages pages) throws IOException {
        if (wanted.isEmpty()) {
            return;
        }
        Map<Long, List<Met>> byKey = new HashMap<>();
        for (Met m : wanted.subList(0, Math.min(wanted.size(), DETAILED))) {
            byKey.computeIfAbsent(m.key, r -> new ArrayList<>()).add(m);
        }
        pages.expect(state.indexPages);
        scan(pages, byKey::containsKey, new EntryScan.Handler() {
            @Override
            public boolean inPlace(RecordView record, long hash) {
                // decoded (and handed to entry()) only when it is one of those wanted
                Long key = keyOf(record);
                return key == null || !byKey.containsKey(key);
            }

            @Override
            public void entry(BTreePage page, PayloadCell cell, List<PathStep> path, List<Value> held,
                              boolean sound, long hash) {
                Long key = sound ? keyOf(held) : null;
                if (key == null) {
                    return;
                }
                for (Met m : byKey.getOrDefault(key, List.of())) {
                    if (m.hash == hash && m.values == null) {
                        m.span = cell.span();
                        m.cell = cell.index();
                        m.path = new ArrayList<>(path);
                        m.values = held;
                        return;
                    }
                }
            }

            @Override
            public boolean stop() {
                return false;
            }
        });
    }

    /**
     * One scan of the index, handing on the entries of the keys {@code keys} to {@code handler} (in a WITHOUT ROWID
     * table's index every entry: the handler picks them by PRIMARY KEY).
     */
    private void scan(ExtraPages pages, LongPredicate keys, EntryScan.Handler handler)
            throws IOException {
        EntryScan scan = new EntryScan(db, state, Suspects.everywhere(state.held.rowidRanges()), null,
                state.table.hasRowid() ? keys : null);
        try {
            scan.run(pages, handler);
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    /**
     * How an extra entry names its row: "rowid R"; in a WITHOUT ROWID table "PRIMARY KEY (v, ...)", or "its PRIMARY
     * KEY" for an entry not read again ({@link #DETAILED}).
     */
    private String rowOf(Met m) {
        if (state.table.hasRowid()) {
            return "rowid " + m.key;
        }
        return m.values == null ? "its PRIMARY KEY" : "PRIMARY KEY " + Literals.tuple(
                state.primaryKey.valuesOf(m.values), state.table.primaryKey().size());
    }

    /**
     * Why an entry of an uncertain row's rowid (PRIMARY KEY: {@code row}) is taken by no row there: past the entries
     * the rows with that key ({@code rowsOfKey} of them) can have, or not one of the keys they may have.
     */
    private static String extraWhy(String row, int rowsOfKey, boolean someKeys) {
        return someKeys ? "the row of " + row + " implies another key (one for each SQLite version),"
                + " or has its entry already"
                : rowsOfKey == 1 ? "the row of " + row + " has another entry already"
                : "the " + rowsOfKey + " rows of " + row + " have their entries already";
    }

    private Finding extra(Met m, String why) {
        String name = state.index.name();
        if (m.values == null) {
            Finding.Builder f = Finding.of(FindingCode.INDEX_ENTRY_EXTRA, "an entry of index " + name + (state.table
                    .hasRowid() ? " that ends with rowid " + m.key : " (one of more than " + DETAILED + " such, not"
                    + " read again)") + " matches no row of " + state.table.name() + ": " + why).object(name);
            return (state.table.hasRowid() ? f.key(Long.toString(m.key)) : f).build();
        }
        return Finding.of(FindingCode.INDEX_ENTRY_EXTRA, "entry " + Literals.tuple(m.values, m.values.size())
                        + " of index " + name + " matches no row of " + state.table.name() + ": " + why)
                .object(name).at(m.span).cell(m.cell).path(m.path)
                .keys(Literals.of(m.values, m.values.size())).build();
    }
}
