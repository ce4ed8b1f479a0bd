package dev.loupe.format.page;

import java.util.HashMap;
import java.util.Map;

/**
 * A set of page numbers (u32) with a bit per page, allocated in 64 Ki-page chunks only where pages are marked:
 * memory follows the pages visited, not the largest page number a damaged pointer names.
 */
public final class PageSet {

    private static final int CHUNK_BITS = 16;
    private final Map<Long, long[]> chunks = new HashMap<>();
    private long size;

    /** Marks {@code page}; returns false if it was already marked. */
    public boolean add(long page) {
        long[] c = chunks.computeIfAbsent(page >>> CHUNK_BITS, k -> new long[1 << (CHUNK_BITS - 6)]);
        int bit = (int) (page & ((1 << CHUNK_BITS) - 1));
        long mask = 1L << (bit & 63);
        if ((c[bit >>> 6] & mask) != 0) {
            return false;
        }
        c[bit >>> 6] |= mask;
        size++;
        return true;
    }

    public boolean contains(long page) {
        long[] c = chunks.get(page >>> CHUNK_BITS);
        if (c == null) {
            return false;
        }
        int bit = (int) (page & ((1 << CHUNK_BITS) - 1));
        return (c[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    public long size() {
        return size;
    }
}
