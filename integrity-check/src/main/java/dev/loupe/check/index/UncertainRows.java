package dev.loupe.check.index;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows of a table whose entry in one index could not be computed (an expression or WHERE clause the evaluator
 * cannot compute for them: a malformed or JSON5 document, a day past its month's end, a float printf), by key (the
 * rowid; in a WITHOUT ROWID table the hash of the PRIMARY KEY, {@link PrimaryKeyHash}: what names the row among the
 * index's entries): up to {@link #CAP} of them, so that a few such rows leave the rest of the index compared instead
 * of making the whole index "not checked". Each row either needs one entry (its WHERE clause is true, or there is none:
 * only the key is unknown) or may have one or none (the WHERE clause itself is unknown). A row may carry the keys its
 * entry can have, one per SQLite version ({@link ImpliedEntry.NotEvaluable#candidates}): their hashes.
 *
 * <p>Written by one walk (or one part of a split walk, merged in walk order), then read by the finisher. Past the
 * cap it keeps nothing and says so ({@link #overflowed}): memory stays bounded whatever the table holds.
 */
final class UncertainRows {

    /**
     * Rows held per index: about 32 bytes each (a key, its cell's place, its place in the walk, a flag, a
     * reference; a few hashes for a key that depends on the SQLite version), 2 MB at most. The parts of a split walk
     * share the count ({@link #UncertainRows(AtomicInteger)}), so that all of them together hold no more.
     */
    static final int CAP = 65_536;

    /** Rows added by all the parts of a split walk, or null for a walk of the whole table. */
    private final AtomicInteger budget;

    private long[] keys = new long[8];
    /**
     * Per row, where the walk read it: its leaf page (high bits) and cell (low 16 bits). The findings read the row
     * there again and count its scan position from there, with no descent by key, which a damaged divider can send
     * the wrong way.
     */
    private long[] places = new long[8];
    /** Per row, its place in the walk (the order of {@link #add}), kept when {@link #seal} sorts by key. */
    private int[] walkOrder = new int[8];
    private boolean[] needsEntry = new boolean[8];
    /** Per row, the hashes of the entries it may have, or null when nothing is known of its key. */
    private long[][] candidates = new long[8][];
    private int size;
    private boolean overflowed;
    /** Why the first row's entry could not be computed; the same for the first row of each {@link #kind}. */
    private String reason;
    private final String[] reasons = new String[3];
    private boolean sorted = true;

    /** For one walk of the whole table (and the merged parts). */
    UncertainRows() {
        this(null);
    }

    /** @param budget rows held by all the parts of one split walk, which may not pass {@link #CAP} together */
    UncertainRows(AtomicInteger budget) {
        this.budget = budget;
    }

    /**
     * Adds a row; past {@link #CAP} rows, drops them all and remembers only that it overflowed.
     *
     * @param page the leaf page the walk read the row on, and {@code cell} its cell there
     * @param hashes the hashes of the entries the row may have (one per SQLite version), or null
     */
    void add(long key, long page, int cell, boolean needs, long[] hashes, String why) {
        if (reason == null) {
            reason = why;
        }
        if (reasons[kind(hashes)] == null) {
            reasons[kind(hashes)] = why;
        }
        if (overflowed) {
            return;
        }
        if (size == CAP || budget != null && budget.incrementAndGet() > CAP) {
            overflow();
            return;
        }
        if (size == keys.length) {
            int n = Math.min(CAP, size * 2);
            keys = Arrays.copyOf(keys, n);
            places = Arrays.copyOf(places, n);
            walkOrder = Arrays.copyOf(walkOrder, n);
            needsEntry = Arrays.copyOf(needsEntry, n);
            candidates = Arrays.copyOf(candidates, n);
        }
        sorted &= size == 0 || keys[size - 1] <= key;
        keys[size] = key;
        places[size] = page << 16 | (cell & 0xffff);
        walkOrder[size] = size;
        needsEntry[size] = needs;
        candidates[size] = hashes;
        size++;
    }

    /** Adds {@code other}'s rows after this one's (a later part of the same walk). */
    void addAll(UncertainRows other) {
        reason = reason == null ? other.reason : reason;
        for (int k = 0; k < reasons.length; k++) {
            reasons[k] = reasons[k] == null ? other.reasons[k] : reasons[k];
        }
        if (other.overflowed) {
            overflow();
        }
        for (int i = 0; i < other.size && !overflowed; i++) {
            add(other.keys[i], other.page(i), other.cell(i), other.needsEntry[i], other.candidates[i],
                    other.reasons[kind(other.candidates[i])]);
        }
    }

    private void overflow() {
        overflowed = true;
        size = 0;
        keys = new long[0];
        places = new long[0];
        walkOrder = new int[0];
        needsEntry = new boolean[0];
        candidates = new long[0][];
    }

    boolean overflowed() {
        return overflowed;
    }

    boolean isEmpty() {
        return size == 0 && !overflowed;
    }

    int size() {
        return size;
    }

    String reason() {
        return reason;
    }

    /**
     * What is known of a row's entry, by the hashes of the entries it may have: nothing ({@link #UNKNOWN_KEY}: no
     * hashes), its key but not whether it has an entry ({@link #KNOWN_KEY}: one hash, the WHERE clause is the
     * unknown), or that its key is one of several, one per SQLite version ({@link #VERSION_KEYS}).
     */
    static int kind(long[] hashes) {
        return hashes == null ? UNKNOWN_KEY : hashes.length == 1 ? KNOWN_KEY : VERSION_KEYS;
    }

    static final int UNKNOWN_KEY = 0;
    static final int KNOWN_KEY = 1;
    static final int VERSION_KEYS = 2;

    /** Why the first row of this {@link #kind} could not be computed. */
    String reason(int kind) {
        return reasons[kind];
    }

    /** Sorts the rows by key (a damaged table's walk may meet them out of order); then {@link #indexOf} works. */
    void seal() {
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        long[] r = new long[size];
        long[] p = new long[size];
        int[] w = new int[size];
        boolean[] n = new boolean[size];
        long[][] c = new long[size][];
        for (int i = 0; i < size; i++) {
            r[i] = keys[order[i]];
            p[i] = places[order[i]];
            w[i] = walkOrder[order[i]];
            n[i] = needsEntry[order[i]];
            c[i] = candidates[order[i]];
        }
        keys = r;
        places = p;
        walkOrder = w;
        needsEntry = n;
        candidates = c;
        sorted = true;
    }

    /** The first row (in key order, after {@link #seal}) of this key, or -1. */
    int indexOf(long key) {
        int i = Arrays.binarySearch(keys, 0, size, key);
        while (i > 0 && keys[i - 1] == key) {
            i--;
        }
        return i < 0 ? -1 : i;
    }

    /** Row {@code i}'s rowid, or in a WITHOUT ROWID table its PRIMARY KEY's hash. */
    long key(int i) {
        return keys[i];
    }

    /** The leaf page the walk read row {@code i} on. */
    long page(int i) {
        return places[i] >>> 16;
    }

    /** The cell of row {@code i} on {@link #page}. */
    int cell(int i) {
        return (int) (places[i] & 0xffff);
    }

    /** Row {@code i}'s place in the walk: rows read earlier have lower numbers. */
    int walkOrder(int i) {
        return walkOrder[i];
    }

    boolean needsEntry(int i) {
        return needsEntry[i];
    }

    /** The hashes of the entries row {@code i} may have, or null. */
    long[] candidates(int i) {
        return candidates[i];
    }
}
