package dev.loupe.format.page;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A set of page numbers (u32) with a bit per page, allocated in 64 Ki-page chunks only where pages are marked:
 * memory follows the pages visited, not the largest page number a damaged pointer names. Chunks are found by index
 * in an array that grows to the highest chunk marked (at most 65,536 references for the whole u32 range), so that a
 * walk whose pages alternate between chunks pays no map lookup per page; numbers beyond u32 go to a map.
 */
public final class PageSet {

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK_WORDS = 1 << (CHUNK_BITS - 6);
    /** Chunks of the u32 page numbers, by page >>> CHUNK_BITS. */
    private static final int MAX_CHUNKS = 1 << (32 - CHUNK_BITS);
    private long[][] chunks = new long[8][];
    /** Chunks of page numbers beyond u32 (only a damaged or made-up number has one); null until one does. */
    private Map<Long, long[]> beyond;
    private long size;

    /** Marks {@code page}; returns false if it was already marked. */
    public boolean add(long page) {
        long[] c = chunk(page >>> CHUNK_BITS, true);
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
        long[] c = chunk(page >>> CHUNK_BITS, false);
        if (c == null) {
            return false;
        }
        int bit = (int) (page & ((1 << CHUNK_BITS) - 1));
        return (c[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    /** The chunk for {@code key}, made when {@code create}, else null when there is none. */
    private long[] chunk(long key, boolean create) {
        if (key >= MAX_CHUNKS) {
            if (beyond == null) {
                if (!create) {
                    return null;
                }
                beyond = new HashMap<>();
            }
            return create ? beyond.computeIfAbsent(key, k -> new long[CHUNK_WORDS]) : beyond.get(key);
        }
        int k = (int) key;
        long[] c = k < chunks.length ? chunks[k] : null;
        if (c == null && create) {
            if (k >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.min(MAX_CHUNKS, Math.max(k + 1, chunks.length * 2)));
            }
            c = new long[CHUNK_WORDS];
            chunks[k] = c;
        }
        return c;
    }

    /**
     * Marks every page of {@code other}; false when one of them was marked here already (this set then holds the
     * union all the same).
     */
    public boolean addAll(PageSet other) {
        boolean disjoint = true;
        for (int k = 0; k < other.chunks.length; k++) {
            if (other.chunks[k] != null) {
                disjoint &= addChunk(k, other.chunks[k]);
            }
        }
        if (other.beyond != null) {
            for (Map.Entry<Long, long[]> e : other.beyond.entrySet()) {
                disjoint &= addChunk(e.getKey(), e.getValue());
            }
        }
        return disjoint;
    }

    private boolean addChunk(long key, long[] words) {
        long[] c = chunk(key, true);
        boolean disjoint = true;
        for (int w = 0; w < CHUNK_WORDS; w++) {
            long both = c[w] & words[w];
            disjoint &= both == 0;
            size += Long.bitCount(words[w] & ~both);
            c[w] |= words[w];
        }
        return disjoint;
    }

    public long size() {
        return size;
    }
}
