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
    /**
     * The chunk used last with its key: a walk's pages cluster, so most lookups need no map (and no boxing). One
     * reference, so that threads only reading the set never see a key with another key's chunk.
     */
    private Chunk last = new Chunk(-1, null);

    private record Chunk(long key, long[] bits) {
    }

    /** Marks {@code page}; returns false if it was already marked. */
    public boolean add(long page) {
        long key = page >>> CHUNK_BITS;
        Chunk l = last;
        long[] c;
        if (key == l.key()) {
            c = l.bits();
        } else {
            c = chunks.computeIfAbsent(key, k -> new long[1 << (CHUNK_BITS - 6)]);
            last = new Chunk(key, c);
        }
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
        long key = page >>> CHUNK_BITS;
        Chunk l = last;
        long[] c;
        if (key == l.key()) {
            c = l.bits();
        } else {
            c = chunks.get(key);
            if (c == null) {
                return false;
            }
            last = new Chunk(key, c);
        }
        int bit = (int) (page & ((1 << CHUNK_BITS) - 1));
        return (c[bit >>> 6] & (1L << (bit & 63))) != 0;
    }

    public long size() {
        return size;
    }
}
