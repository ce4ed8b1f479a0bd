package dev.loupe.check.index;

/**
 * An order-independent digest of a multiset of index entries: how many, and the sum and xor of their
 * {@link EntryHash hashes}. Two multisets with equal digests are equal but for a 2^-64-scale accident; the
 * digest's size does not depend on the number of entries. Written by one thread, read after that thread's walk.
 */
final class EntryDigest {

    private long count;
    private long sum;
    private long xor;

    void add(long hash) {
        count++;
        sum += hash;
        xor ^= hash;
    }

    /** Folds {@code other}'s entries into this digest (the digest of the union of the two multisets). */
    void addAll(EntryDigest other) {
        count += other.count;
        sum += other.sum;
        xor ^= other.xor;
    }

    long count() {
        return count;
    }

    boolean sameAs(EntryDigest o) {
        return count == o.count && sum == o.sum && xor == o.xor;
    }
}
