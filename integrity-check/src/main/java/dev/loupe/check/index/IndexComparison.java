package dev.loupe.check.index;

import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.FindingSink;
import dev.loupe.check.ExtraPages;
import dev.loupe.check.Finisher;
import dev.loupe.format.Database;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * After the walks: compares, for each index of one table, the digest of the entries the rows imply with the digest
 * of the entries the index holds. Equal digests end it. Otherwise the entry counts are compared (integrity_check's
 * "wrong # of entries") and {@link MismatchNamer} names the rows and entries concerned.
 */
final class IndexComparison implements Finisher {

    private final Database db;
    private final List<IndexState> indexes;
    private final int limit;
    private final boolean narrowLookups;
    private final LongAdder lookups;
    private final int hold;
    private final boolean locate;
    private final LongAdder located;

    /**
     * @param narrowLookups look up only the rows and entries of the buckets where the digests differ
     * @param lookups       counts the rows and entries looked up, or null
     * @param hold          rows the exact pass may hold back to match with entries ({@link RowResidues})
     * @param locate        with lookups narrowed and rows held, take the rows and entries by which the digests differ
     *                      from the digests when they can ({@link LoneDifferences})
     * @param located       counts the indexes whose rows were found that way, or null
     */
    IndexComparison(Database db, List<IndexState> indexes, int limit, boolean narrowLookups, LongAdder lookups,
                    int hold, boolean locate, LongAdder located) {
        this.db = db;
        this.indexes = List.copyOf(indexes);
        this.limit = limit;
        this.narrowLookups = narrowLookups;
        this.lookups = lookups;
        this.hold = hold;
        this.locate = locate;
        this.located = located;
    }

    @Override
    public void finish(FindingSink sink, ExtraPages pages) throws IOException {
        for (IndexState s : indexes) {
            compare(s, sink, pages);
        }
    }

    private void compare(IndexState s, FindingSink sink, ExtraPages pages) throws IOException {
        String name = s.index.name();
        if (s.index.unique() && s.unknownCollation != null) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "uniqueness of index " + name + " not checked: collation "
                    + s.unknownCollation + " is not built into SQLite").object(name));
        }
        if (!s.comparable()) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "index " + name + " not compared with the rows of "
                    + s.table.name() + ": " + s.notEvaluable
                    + (s.index.isPartial() ? "" : "; only its entry count was checked")).object(name));
            if (!s.index.isPartial() && s.generator.unresolved() == null && s.rows != s.held.count()) {
                count(s, s.rows, sink);
            }
            return;
        }
        if (s.implied.sameAs(s.held) && !s.disordered) {
            return;
        }
        if (s.implied.count() != s.held.count()) {
            count(s, s.implied.count(), sink);
        }
        if (s.unknownCollation != null) {
            sink.add(Finding.of(FindingCode.NOT_CHECKED, "index " + name + " differs from the rows of "
                    + s.table.name() + ", but the rows concerned cannot be named: collation " + s.unknownCollation
                    + " is not built into SQLite").object(name));
            return;
        }
        // where a descent finds what the walks found, only the buckets where the digests differ hold rows or entries
        // to name
        boolean[] differing = narrowLookups ? s.implied.differingBuckets(s.held) : null;
        MismatchNamer namer = new MismatchNamer(db, s, limit, s.rowLookupsSkippable() ? differing : null,
                s.entryLookupsSkippable() ? differing : null, hold);
        // the rows by which the digests differ found by their rowids, else a scan of the table; then the index's
        LoneDifferences lone = locate && differing != null && hold > 0 && s.differencesLocatable()
                ? LoneDifferences.of(s.implied, s.held, differing) : null;
        if (lone != null && namer.nameLocated(lone, sink, pages)) {
            if (located != null) {
                located.increment();
            }
        } else {
            pages.expect(s.tablePages + s.indexPages);
            namer.name(sink, pages);
        }
        if (lookups != null) {
            lookups.add(namer.lookups());
        }
    }

    private static void count(IndexState s, long expected, FindingSink sink) {
        String name = s.index.name();
        sink.add(Finding.of(FindingCode.INDEX_ENTRY_COUNT, "index " + name + " holds " + s.held.count()
                        + " entries, but " + s.table.name() + " has " + expected + " rows that need one")
                .object(name).page(s.index.rootPage())
                .sqlite("wrong # of entries in index " + name));
    }
}
