package dev.loupe.check.index;

import java.util.Arrays;

/**
 * An order-independent digest of a multiset of index entries: how many, the xor of their {@link EntryHash hashes},
 * and their sums in {@value #BUCKETS} buckets chosen by a hash's top bits. Two multisets with equal digests are
 * equal but for a 2^-64-scale accident; the digest's size does not depend on the number of entries. Written by one
 * thread, read after that thread's walk.
 *
 * <p>The buckets say where two multisets differ: every entry one has and the other lacks lies in a bucket whose sums
 * differ, so the exact pass that names them need only look up the rows and entries of those buckets: with one
 * damaged entry, one row in {@value #BUCKETS} instead of every row.
 */
final class EntryDigest {

    static final int BUCKET_BITS = 8;
    static final int BUCKETS = 1 << BUCKET_BITS;

    private long count;
    private long xor;
    private final long[] buckets = new long[BUCKETS];

    void add(long hash) {
        count++;
        xor ^= hash;
        buckets[bucket(hash)] += hash;
    }

    /** Folds {@code other}'s entries into this digest (the digest of the union of the two multisets). */
    void addAll(EntryDigest other) {
        count += other.count;
        xor ^= other.xor;
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] += other.buckets[b];
        }
    }

    long count() {
        return count;
    }

    boolean sameAs(EntryDigest o) {
        return count == o.count && xor == o.xor && Arrays.equals(buckets, o.buckets);
    }

    /** The bucket an entry with this hash is summed in. */
    static int bucket(long hash) {
        return (int) (hash >>> (64 - BUCKET_BITS));
    }

    /** For each bucket, whether its sum differs from {@code o}'s: where the entries of two multisets differ. */
    boolean[] differingBuckets(EntryDigest o) {
        boolean[] out = new boolean[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            out[b] = buckets[b] != o.buckets[b];
        }
        return out;
    }
}
