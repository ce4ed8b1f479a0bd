package dev.loupe.check.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows and entries by which an index's digest differs from its table's, read off the two digests when each
 * differing bucket differs by one row or one entry alone ({@link EntryDigest#difference}): their hashes and rowids. A stale
 * index with a few changed rows differs like that; the exact pass then finds those rows by their rowids instead of
 * scanning the table for them, and looks for just those entries as it scans the index. Not yet trusted: the namer
 * holds each row it finds to the hash given here, and makes sure its scan met each entry once
 * ({@link MismatchNamer#nameLocated}).
 *
 * @param rows    rows whose implied entry the index lacks, by rowid (the scan order of a rowid table)
 * @param entries entries no row implies
 */
record LoneDifferences(List<EntryDigest.Lone> rows, List<EntryDigest.Lone> entries) {

    LoneDifferences {
        rows = List.copyOf(rows);
        entries = List.copyOf(entries);
    }

    /**
     * The lone rows and entries of the buckets where {@code implied} (the rows' side) and {@code held} (the index's)
     * differ, or null when some such bucket does not differ by one alone (as far as the digests tell: the namer finds
     * out the rest), or when no bucket's sum shows a difference.
     */
    static LoneDifferences of(EntryDigest implied, EntryDigest held, boolean[] differing) {
        List<EntryDigest.Lone> rows = new ArrayList<>();
        List<EntryDigest.Lone> entries = new ArrayList<>();
        for (int b = 0; b < differing.length; b++) {
            if (!differing[b]) {
                continue;
            }
            EntryDigest.Lone d = implied.difference(held, b);
            if (d == null) {
                return null;
            }
            (d.here() ? rows : entries).add(d);
        }
        // as many more rows as the counts say: else some bucket differs by more than one
        if (rows.isEmpty() && entries.isEmpty() || rows.size() - entries.size() != implied.count() - held.count()) {
            return null;
        }
        rows.sort(Comparator.comparingLong(EntryDigest.Lone::rowid));
        return new LoneDifferences(rows, entries);
    }

    /** Whether one of the lone entries has this rowid. */
    boolean entryRowid(long rowid) {
        for (EntryDigest.Lone e : entries) {
            if (e.rowid() == rowid) {
                return true;
            }
        }
        return false;
    }

    /** Which of the lone entries an entry of this hash is, or -1. */
    int entry(long hash) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).hash() == hash) {
                return i;
            }
        }
        return -1;
    }
}
