package dev.loupe.check.index;

import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.FindingSink;
import dev.loupe.check.ExtraPages;
import dev.loupe.check.Finisher;
import dev.loupe.format.Database;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * After the walks: compares, for each index of one table, the digest of the entries the rows imply with the digest
 * of the entries the index holds. Equal digests end it. Otherwise the entry counts are compared (integrity_check's
 * "wrong # of entries") and {@link MismatchNamer} names the rows and entries concerned; the indexes for which that
 * takes a scan of the table share one (a damaged table differs from every index it has).
 */
final class IndexComparison implements Finisher {

    private final Database db;
    private final List<IndexState> indexes;
    private final int limit;
    private final ExactPass exactPass;
    private final int threads;

    /** @param threads how many indexes' scans may run at once, after the table's shared scan */
    IndexComparison(Database db, List<IndexState> indexes, int limit, ExactPass exactPass, int threads) {
        this.db = db;
        this.indexes = List.copyOf(indexes);
        this.limit = limit;
        this.exactPass = exactPass;
        this.threads = threads;
    }

    @Override
    public void finish(FindingSink sink, ExtraPages pages) throws IOException {
        // each index's findings in its own part, merged in schema order: the indexes that need the table scanned
        // share one scan of it, during which each names rows into its part
        List<FindingSink> parts = new ArrayList<>();
        List<MismatchNamer> scanning = new ArrayList<>();
        List<FindingSink> scanningParts = new ArrayList<>();
        for (IndexState s : indexes) {
            FindingSink part = new FindingSink(limit);
            parts.add(part);
            MismatchNamer namer = compare(s, part, pages);
            if (namer != null) {
                scanning.add(namer);
                scanningParts.add(part);
            }
        }
        if (!scanning.isEmpty()) {
            if (exactPass.shareScans()) {
                pages.expect(indexes.get(0).tablePages);
                MismatchNamer.scanRows(db, indexes.get(0).table, scanning, scanningParts, pages);
                for (MismatchNamer namer : scanning) {
                    pages.expect(namer.indexPages());
                }
                // then each index's scan, the indexes side by side: each namer has its own state and part
                ScanPool.each(scanning.size(), threads, k -> scanning.get(k).afterRows(scanningParts.get(k), pages));
            } else {
                for (int k = 0; k < scanning.size(); k++) {
                    MismatchNamer namer = scanning.get(k);
                    pages.expect(namer.tablePages() + namer.indexPages());
                    namer.name(scanningParts.get(k), pages);
                }
            }
            if (exactPass.lookups() != null) {
                for (MismatchNamer namer : scanning) {
                    exactPass.lookups().add(namer.lookups());
                }
            }
        }
        for (FindingSink part : parts) {
            // integrity_check names the rows an index lacks in the table's scan order; Loupe finds them in passes
            // (rows whose key it cannot compute, then the exact pass's), each in order
            part.order(MissingRowLine::position);
            sink.addAll(part);
        }
    }

    /**
     * Compares one index's digests, naming into {@code sink} what needs no scan of the table; returns the namer that
     * needs one (its rows' half run by {@link #finish}), or null.
     */
    private MismatchNamer compare(IndexState s, FindingSink sink, ExtraPages pages) throws IOException {
        String name = s.index.name();
        if (s.index.unique() && s.unknownCollation != null) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "uniqueness of index " + name + " not checked: collation "
                    + s.unknownCollation + " is not built into SQLite").object(name));
        }
        // rows whose entry could not be computed: their entries found by rowid and taken out of the index's digest
        FindingSink uncertain = new FindingSink(limit);
        UncertainEntries.Counts u = UncertainEntries.Counts.NONE;
        if (s.comparable() && !s.uncertain.isEmpty()) {
            u = UncertainEntries.applies(s) ? new UncertainEntries(db, s).settle(uncertain, pages) : null;
            if (u == null) {
                s.notEvaluable = s.uncertain.reason();
            }
        }
        if (!s.comparable()) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "index " + name + " not compared with the rows of "
                    + s.table.name() + ": " + s.notEvaluable
                    + (s.index.isPartial() ? "" : "; only its entry count was checked")).object(name));
            if (!s.index.isPartial() && s.generator.unresolved() == null && s.rows != s.held.count()) {
                count(s, s.held.count(), s.rows, s.rows, 0, sink);
            }
            return null;
        }
        // the count as integrity_check counts it: every entry against every row that needs one. A row whose WHERE
        // clause is unknown is taken to need an entry where it has one (else the count is off whatever it needs)
        long held = s.held.count() + u.found();
        long needed = s.implied.count() + u.needed();
        if (held != needed + u.allowedFound()) {
            count(s, held, needed, needed + u.allowed(), u.allowedFound(), sink);
        }
        sink.addAll(uncertain);
        if (s.implied.sameAs(s.held) && !s.disordered) {
            return null;
        }
        if (s.unknownCollation != null) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "index " + name + " differs from the rows of "
                    + s.table.name() + ", but the rows concerned cannot be named: collation " + s.unknownCollation
                    + " is not built into SQLite").object(name));
            return null;
        }
        // where a descent finds what the walks found, only the buckets where the digests differ hold rows or entries
        // to name
        int hold = exactPass.hold();
        Suspects differing = exactPass.narrowLookups() ? Suspects.between(s.implied, s.held) : null;
        MismatchNamer namer = new MismatchNamer(db, s, limit, s.rowLookupsSkippable() ? differing : null,
                s.entryLookupsSkippable() ? differing : null, hold);
        // the rows by which the digests differ found by their rowids, else a scan of the table; then the index's
        LoneDifferences lone = exactPass.locate() && differing != null && hold > 0 && s.differencesLocatable()
                ? LoneDifferences.of(s.implied, s.held, differing.buckets()) : null;
        if (lone != null && namer.nameLocated(lone, sink, pages)) {
            if (exactPass.located() != null) {
                exactPass.located().increment();
            }
            if (exactPass.lookups() != null) {
                exactPass.lookups().add(namer.lookups());
            }
            return null;
        }
        return namer;
    }

    /**
     * The entry count's finding: {@code held} entries where {@code low} rows need one and up to {@code high} may
     * have one, {@code maybe} of the rows that may (their WHERE clause unknown) having one.
     */
    private static void count(IndexState s, long held, long low, long high, long maybe, FindingSink sink) {
        String name = s.index.name();
        String needing = low == high ? low + " rows that need one"
                : held < low || held > high ? low + " rows that need one and " + (high - low) + " more that may"
                + " have one"
                : (low + maybe) + " rows that need one, if those of the " + (high - low) + " rows whose WHERE clause"
                + " could not be computed that have one need it";
        sink.add(Finding.of(FindingCode.INDEX_ENTRY_COUNT, "index " + name + " holds " + held
                        + " entries, but " + s.table.name() + " has " + needing)
                .object(name).page(s.index.rootPage())
                .sqlite("wrong # of entries in index " + name));
    }
}
