package dev.loupe.check.index;

/**
 * An order-independent digest of a multiset of index entries: how many, and per bucket (chosen by a hash's top bits,
 * {@value #BUCKETS} of them) the sum of their {@link EntryHash hashes} and the xor of their rowids. Two multisets
 * with equal digests are equal but for a 2^-64-scale accident (where a bucket's entries differ, its sums would have to
 * agree); the digest's size does not depend on the number of entries. Written by one thread, read after that
 * thread's walk.
 *
 * <p>The buckets say where two multisets differ: every entry one has and the other lacks lies in a bucket whose sums
 * differ, so the exact pass that names them need only look up the rows and entries of those buckets: with one
 * damaged entry, one row in {@value #BUCKETS} instead of every row. Where a bucket differs by one entry alone, the
 * two sides' sums differ by its hash and their rowid xors by its rowid (the entries they share have the same rowids
 * on both sides): {@link #difference}.
 *
 * <p>Beside the buckets, the sums are kept per range of rowids ({@link RowidRanges}): an entry is one of those by
 * which the multisets differ only where both its bucket's sums and its range's sums differ. Where a table lost a
 * subtree of its rows, every bucket differs, but only the ranges of their rowids do.
 */
final class EntryDigest {

    static final int BUCKET_BITS = 8;
    static final int BUCKETS = 1 << BUCKET_BITS;
    /** Per bucket, side by side in one array (one cache line touched per entry): the sum, the xor of rowids. */
    private static final int SUM = 0;
    private static final int ROWIDS = 1;
    private static final int STRIDE = 2;

    private long count;
    private final long[] buckets = new long[BUCKETS * STRIDE];
    /** Per rowid range, the sum of the entries' hashes. */
    private final long[] ranges = new long[RowidRanges.RANGES];
    private final RowidRanges rowidRanges;
    /** {@link RowidRanges#shift}, kept here: the range is taken for every entry of every index. */
    private final int rangeShift;

    EntryDigest(RowidRanges rowidRanges) {
        this.rowidRanges = rowidRanges;
        this.rangeShift = rowidRanges.shift();
    }

    /** @param rowid the entry's rowid (the row's, for the entry a row implies); 0 in a WITHOUT ROWID table */
    void add(long hash, long rowid) {
        count++;
        int b = bucket(hash) * STRIDE;
        buckets[b + SUM] += hash;
        buckets[b + ROWIDS] ^= rowid;
        ranges[(int) (rowid >>> rangeShift) & (RowidRanges.RANGES - 1)] += hash;
    }

    /** Takes out an entry {@link #add added} before (the sums are sums: this is exact). */
    void remove(long hash, long rowid) {
        count--;
        int b = bucket(hash) * STRIDE;
        buckets[b + SUM] -= hash;
        buckets[b + ROWIDS] ^= rowid;
        ranges[(int) (rowid >>> rangeShift) & (RowidRanges.RANGES - 1)] -= hash;
    }

    /** Folds {@code other}'s entries into this digest (the digest of the union of the two multisets). */
    void addAll(EntryDigest other) {
        count += other.count;
        for (int i = 0; i < buckets.length; i += STRIDE) {
            buckets[i + SUM] += other.buckets[i + SUM];
            buckets[i + ROWIDS] ^= other.buckets[i + ROWIDS];
        }
        for (int r = 0; r < ranges.length; r++) {
            ranges[r] += other.ranges[r];
        }
    }

    long count() {
        return count;
    }

    /** Whether the two multisets are the same: as many entries, the same sum in every bucket. */
    boolean sameAs(EntryDigest o) {
        if (count != o.count) {
            return false;
        }
        for (int i = SUM; i < buckets.length; i += STRIDE) {
            if (buckets[i] != o.buckets[i]) {
                return false;
            }
        }
        return true;
    }

    /** The bucket an entry with this hash is summed in. */
    static int bucket(long hash) {
        return (int) (hash >>> (64 - BUCKET_BITS));
    }

    /** For each bucket, whether its sum differs from {@code o}'s: where the entries of two multisets differ. */
    boolean[] differingBuckets(EntryDigest o) {
        boolean[] out = new boolean[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            out[b] = buckets[b * STRIDE + SUM] != o.buckets[b * STRIDE + SUM];
        }
        return out;
    }

    /** For each rowid range, whether its sum differs from {@code o}'s (the two digests share their ranges). */
    boolean[] differingRanges(EntryDigest o) {
        boolean[] out = new boolean[RowidRanges.RANGES];
        for (int r = 0; r < out.length; r++) {
            out[r] = ranges[r] != o.ranges[r];
        }
        return out;
    }

    RowidRanges rowidRanges() {
        return rowidRanges;
    }

    /**
     * The one entry by which bucket {@code b} differs between this digest and {@code o}, if it differs by one alone:
     * its hash (the difference of the sums, which must lie in this bucket) and rowid (the difference of the xors),
     * and whether this digest or {@code o} holds it. Null when neither side's difference lies in the bucket, or both
     * do. A bucket that differs by more entries whose sums happen to add up to a hash of the bucket passes too, so
     * the caller holds the row or entry it finds to the hash given here before trusting it.
     */
    Lone difference(EntryDigest o, int b) {
        int i = b * STRIDE;
        long more = buckets[i + SUM] - o.buckets[i + SUM];
        boolean here = bucket(more) == b;
        boolean there = bucket(-more) == b;
        if (here == there) {
            return null;
        }
        long rowid = buckets[i + ROWIDS] ^ o.buckets[i + ROWIDS];
        return new Lone(here ? more : -more, rowid, here);
    }

    /**
     * One entry by which a bucket differs: its hash and rowid, and whether the digest asked holds it (else the other
     * one does).
     */
    record Lone(long hash, long rowid, boolean here) {
    }
}
