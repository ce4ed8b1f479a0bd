package dev.loupe.format.wal;

import dev.loupe.format.Span;

/**
 * One 32 KiB block of the -shm (walformat §"Hash Tables", wal.c walHashGet): a page-number array {@code aPgno}
 * (4062 entries in block 0, which shares its block with the 136-byte header; 4096 in later blocks) followed by a
 * hash table {@code aHash} of 8192 u16 slots. {@code aPgno[i]} is the page number of frame {@code firstFrame + i};
 * a hash slot holding {@code v != 0} points at {@code aPgno[v - 1]}. A block cut short by the end of the file holds
 * only the entries present.
 *
 * @param index      block number, from 0
 * @param offset     file offset of the block
 * @param firstFrame frame number of {@code aPgno[0]}: 1 for block 0, 4063 + 4096 * (index - 1) after
 * @param aPgno      page numbers as unsigned 32-bit values, in the -shm's byte order
 * @param aHash      hash slots
 */
public record ShmHashBlock(int index, long offset, long firstFrame, int[] aPgno, char[] aHash) {

    public static final int BLOCK_SIZE = 32768;
    /** HASHTABLE_NPAGE: page numbers per block after the first. */
    public static final int NPAGE = 4096;
    /** HASHTABLE_NPAGE_ONE: page numbers in block 0 (4096 - 136/4). */
    public static final int NPAGE_ONE = 4062;
    /** HASHTABLE_NSLOT. */
    public static final int NSLOT = 8192;
    /** HASHTABLE_HASH_1: the multiplier of the page-number hash. */
    public static final int HASH_1 = 383;

    public ShmHashBlock {
        aPgno = aPgno.clone();
        aHash = aHash.clone();
    }

    /** A copy of the page-number array; prefer {@link #pgno(int)} in loops. */
    @Override
    public int[] aPgno() {
        return aPgno.clone();
    }

    /** A copy of the hash slots; prefer {@link #hashSlot(int)} in loops. */
    @Override
    public char[] aHash() {
        return aHash.clone();
    }

    /** Entries present in {@code aPgno}. */
    public int pgnoCount() {
        return aPgno.length;
    }

    /** {@code aPgno[i]}: the page number recorded for frame {@code firstFrame + i} (0 = unused). */
    public long pgno(int i) {
        return aPgno[i] & 0xffffffffL;
    }

    public int hashSlotCount() {
        return aHash.length;
    }

    public int hashSlot(int i) {
        return aHash[i];
    }

    /** The slot where the search for page {@code pgno} starts: (pgno * 383) mod 8192. */
    public static int hashOf(long pgno) {
        return (int) ((pgno * HASH_1) & (NSLOT - 1));
    }

    /**
     * The newest frame at or below {@code mxFrame} that this block's hash table maps page {@code pgno} to, found the
     * way a reader looks it up (wal.c sqlite3WalFindFrame: linear probing from {@link #hashOf} until an empty slot),
     * or 0 if none. At most {@link #NSLOT} probes, so a damaged table cannot loop.
     */
    public long lookup(long pgno, long mxFrame) {
        if (aHash.length < NSLOT) {
            return 0;
        }
        long found = 0;
        int key = hashOf(pgno);
        for (int probes = 0; probes < NSLOT && aHash[key] != 0; probes++) {
            int v = aHash[key];
            long frame = firstFrame - 1 + v;
            if (v <= aPgno.length && frame <= mxFrame && pgno(v - 1) == pgno) {
                found = Math.max(found, frame);
            }
            key = (key + 1) & (NSLOT - 1);
        }
        return found;
    }

    public Span pgnoSpan() {
        long start = index == 0 ? 136 : offset;
        return Span.inFile(start, aPgno.length * 4);
    }

    public Span hashSpan() {
        return Span.inFile(offset + NPAGE * 4L, aHash.length * 2);
    }
}
