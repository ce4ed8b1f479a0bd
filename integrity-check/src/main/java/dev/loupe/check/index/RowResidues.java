package dev.loupe.check.index;

import java.util.Arrays;

/**
 * The rows of the exact pass's differing buckets, held back until the index's entries have been scanned, so that
 * only the rows no entry matches are looked up. A row and an entry match when their {@link EntryHash hashes} are
 * equal, the same 2^-64-scale trust the digests rest on; where the exact pass narrows lookups at all, a descent
 * would find a matched row's entry and a matched entry's row, so neither lookup could name anything. With one
 * damaged entry in a 10-million-row table that leaves two lookups of the 80,000 in its two buckets.
 *
 * <p>Rows are kept in scan order (their position, page and cell, to read them again), each with its hash; some are
 * marked to be looked up whatever the entries hold (a damaged row, or one keyed where the index's order breaks), but
 * an entry they match is spared its own lookup all the same (it descends the table, which finds them). At most
 * {@link #CAP} rows: past that {@link #add} refuses, and the caller looks rows up as it meets them. An entry
 * {@link #take takes} an untaken row of its hash; a row is looked up unless one did ({@link #matched}, in order).
 */
final class RowResidues {

    /** Rows held at most: 38 bytes each, about 19 MiB. */
    static final int CAP = 1 << 19;

    private final int cap;
    private int n;
    private long[] hashes = new long[64];
    private long[] positions = new long[64];
    private long[] pages = new long[64];
    private int[] cells = new int[64];
    /** Rows looked up whatever the entries hold. */
    private boolean[] direct = new boolean[64];
    /** The hashes of the rows, sorted, and per slot: 0 untaken, 1 taken by an entry, 2 spent by {@link #matched}. */
    private long[] sorted;
    private byte[] state;

    /** @param cap rows held at most (at most {@link #CAP}) */
    RowResidues(int cap) {
        this.cap = Math.min(cap, CAP);
    }

    /** Holds a row back; false (and nothing held) when {@link #CAP} rows are held already. */
    boolean add(boolean lookUpAnyway, long hash, long position, long page, int cell) {
        if (n == cap) {
            return false;
        }
        if (n == hashes.length) {
            int m = Math.min(cap, n * 2);
            hashes = Arrays.copyOf(hashes, m);
            positions = Arrays.copyOf(positions, m);
            pages = Arrays.copyOf(pages, m);
            cells = Arrays.copyOf(cells, m);
            direct = Arrays.copyOf(direct, m);
        }
        hashes[n] = hash;
        positions[n] = position;
        pages[n] = page;
        cells[n] = cell;
        direct[n] = lookUpAnyway;
        n++;
        return true;
    }

    int size() {
        return n;
    }

    long position(int i) {
        return positions[i];
    }

    long page(int i) {
        return pages[i];
    }

    int cell(int i) {
        return cells[i];
    }

    /** Whether an entry with this hash matches a held row no other entry matched (and takes that row if so). */
    boolean take(long hash) {
        if (sorted == null) {
            seal();
        }
        for (int i = lowerBound(hash); i < sorted.length && sorted[i] == hash; i++) {
            if (state[i] == 0) {
                state[i] = 1;
                return true;
            }
        }
        return false;
    }

    /**
     * Whether row {@code i} was matched by an entry; ask in scan order, once per row: among rows of equal hash (the
     * same entry implied twice) the first ones count as the matched ones.
     */
    boolean matched(int i) {
        if (sorted == null) {
            seal();
        }
        for (int k = lowerBound(hashes[i]); k < sorted.length && sorted[k] == hashes[i]; k++) {
            if (state[k] == 1) {
                state[k] = 2;
                return !direct[i];
            }
        }
        return false;
    }

    private void seal() {
        sorted = Arrays.copyOf(hashes, n);
        Arrays.sort(sorted);
        state = new byte[n];
    }

    /** The first slot of {@link #sorted} whose hash is not below {@code hash}. */
    private int lowerBound(long hash) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < hash) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
