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
        Chunk l = last;
        if (key == l.key()) {
            return l.bits();
        }
        long[] c = create ? chunks.computeIfAbsent(key, k -> new long[1 << (CHUNK_BITS - 6)]) : chunks.get(key);
        if (c != null) {
            last = new Chunk(key, c);
        }
        return c;
    }

    public long size() {
        return size;
    }
}
