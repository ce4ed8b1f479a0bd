package dev.loupe.check.index;

import java.util.Arrays;

/**
 * Where two digests of one index differ ({@link EntryDigest}): the hash buckets and the rowid ranges whose sums
 * differ. A row or entry outside either has its counterpart on the other side (the sums of its bucket, or of its
 * range, agree: the digests' own trust), so a descent would find it; only one inside both is suspected. With a
 * stale entry that is one row in {@value EntryDigest#BUCKETS}; with a lost subtree of rows, whose entries fill every
 * bucket, the rows and entries of the few ranges that hold their rowids.
 *
 * <p>An entry's rowid here is the one its digest summed it by: a rowid table's row's rowid, an index entry's last
 * value when the entry has the index's length and ends with an integer, else 0.
 */
final class Suspects {

    private final boolean[] buckets;
    private final boolean[] ranges;
    private final RowidRanges rowidRanges;

    private Suspects(boolean[] buckets, boolean[] ranges, RowidRanges rowidRanges) {
        this.buckets = buckets;
        this.ranges = ranges;
        this.rowidRanges = rowidRanges;
    }

    /** Where {@code implied} (the rows' side) and {@code held} (the index's) differ. */
    static Suspects between(EntryDigest implied, EntryDigest held) {
        return new Suspects(implied.differingBuckets(held), implied.differingRanges(held), implied.rowidRanges());
    }

    /** Every bucket and range: every row and entry suspected (a scan that filters by something else). */
    static Suspects everywhere(RowidRanges rowidRanges) {
        boolean[] buckets = new boolean[EntryDigest.BUCKETS];
        boolean[] ranges = new boolean[RowidRanges.RANGES];
        Arrays.fill(buckets, true);
        Arrays.fill(ranges, true);
        return new Suspects(buckets, ranges, rowidRanges);
    }

    /** Whether a row or entry with this hash and rowid may lack its counterpart on the other side. */
    boolean suspected(long hash, long rowid) {
        return buckets[EntryDigest.bucket(hash)] && ranges[rowidRanges.of(rowid)];
    }

    /** Whether the rowid range of this rowid differs: else no row or entry of it is suspected, whatever its hash. */
    boolean rangeDiffers(long rowid) {
        return ranges[rowidRanges.of(rowid)];
    }

    /** The hash buckets whose sums differ. */
    boolean[] buckets() {
        return buckets;
    }
}
