package dev.loupe.check.structure;

import dev.loupe.format.BigEndian;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadSizes;

/**
 * Leaf pages that the record pass has read already and found sound as far as checkTreePage's work on a page of its
 * own goes: a leaf header, free space SQLite accepts, at least one cell, every cell pointer inside the content
 * area and every cell local (no overflow chain) and inside the usable area, rowids rising from cell to cell, cells
 * and freeblocks sharing no byte, and the fragment count the header states. For each it keeps what the walk of its
 * tree still needs: the page type and, on a table leaf, the first and last rowid.
 *
 * <p>The structural pass then checks only what depends on where the page hangs (the claim of the page, the tree's
 * kind, the key bound the parent sets, the depth) and reads the page no second time. A leaf that fails any of the
 * above (or that the record pass never reached) has no summary and is read and checked in full, so a summary
 * stands only for a page the full check would pass; the findings are the same either way (LeafSummariesTest).
 *
 * <p>Each page takes 17 bytes here: summaries are kept only when that fits in a small share of the heap (see
 * {@link #forPages}). Record-pass threads write distinct pages (two trees that share a page write the same
 * values); the structural pass reads after those threads are joined.
 */
public final class LeafSummaries {

    private static final int BYTES_PER_PAGE = 17;
    /** The share of the heap summaries may take at most: 1/8. */
    private static final int HEAP_SHARE = 8;
    private static final int INDEX_LEAF = 10;
    private static final int TABLE_LEAF = 13;

    /** Page type flag of a summarised page (10 or 13), 0 for none. */
    private final byte[] flags;
    private final long[] firstKey;
    private final long[] lastKey;

    private LeafSummaries(int pages) {
        flags = new byte[pages + 1];
        firstKey = new long[pages + 1];
        lastKey = new long[pages + 1];
    }

    /**
     * Room for the summaries of a file of {@code pageCount} pages, or null when they would take more than an
     * eighth of {@code maxHeap} bytes (then every page is read by both passes, as without summaries).
     */
    public static LeafSummaries forPages(long pageCount, long maxHeap) {
        if (pageCount <= 0 || pageCount >= Integer.MAX_VALUE || pageCount * BYTES_PER_PAGE > maxHeap / HEAP_SHARE) {
            return null;
        }
        return new LeafSummaries((int) pageCount);
    }

    /** A judge for one record-pass thread (it keeps scratch space for one page). */
    public Judge judge(int pageSize, int usableSize) {
        return new Judge(pageSize, usableSize);
    }

    /** True when page {@code pgno} is a sound leaf of a table (intkey) b-tree. */
    boolean tableLeaf(long pgno) {
        return flag(pgno) == TABLE_LEAF;
    }

    /** True when page {@code pgno} is a sound leaf of an index (or WITHOUT ROWID) b-tree. */
    boolean indexLeaf(long pgno) {
        return flag(pgno) == INDEX_LEAF;
    }

    /** The rowid of cell 0 of a sound table leaf (its smallest). */
    long firstKey(long pgno) {
        return firstKey[(int) pgno];
    }

    /** The rowid of the last cell of a sound table leaf (its largest). */
    long lastKey(long pgno) {
        return lastKey[(int) pgno];
    }

    private int flag(long pgno) {
        return pgno > 0 && pgno < flags.length ? flags[(int) pgno] : 0;
    }

    /** Judges leaf pages as the record pass reads them; one per thread. */
    public final class Judge {
        private final int pageSize;
        private final int usableSize;
        private final Extents extents;
        private final LocalCellSize cellSize = new LocalCellSize();
        private long[] cells = new long[64];

        private Judge(int pageSize, int usableSize) {
            this.pageSize = pageSize;
            this.usableSize = usableSize;
            this.extents = new Extents(usableSize);
        }

        /**
         * Summarises page {@code pgno}, whose bytes are {@code data} (exactly one page), when it is a sound leaf in
         * the sense of {@link LeafSummaries}; leaves anything else unsummarised.
         */
        public void leaf(long pgno, byte[] data) {
            if (pgno <= 0 || pgno >= flags.length || data.length != pageSize) {
                return;
            }
            int hdr = BTreePage.headerOffset(pgno);
            int flag = data[hdr] & 0xff;
            if (flag != INDEX_LEAF && flag != TABLE_LEAF) {
                return;
            }
            PageType type = PageType.ofFlag(flag);
            int nCell = BigEndian.u16(data, hdr + 3);
            // no cells: an empty root is sound but a child page is not (left to the full check, which knows which)
            if (nCell == 0 || nCell > (pageSize - 8) / 6
                    || FreeSpace.problem(data, hdr, type, nCell, usableSize) != null) {
                return;
            }
            int contentOffset = BigEndian.u16(data, hdr + 5);
            if (contentOffset == 0) {
                contentOffset = 65536;
            }
            boolean intKey = flag == TABLE_LEAF;
            int maxLocal = PayloadSizes.maxLocal(usableSize, intKey);
            int cellStart = hdr + 8;
            if (cells.length < nCell) {
                cells = new long[Math.max(nCell, 2 * cells.length)];
            }
            // checkTreePage's order: last cell first, each rowid below the one after it
            long next = 0;
            long last = 0;
            int n = 0;
            for (int i = nCell - 1; i >= 0; i--) {
                int pc = BigEndian.u16(data, cellStart + 2 * i);
                if (pc < contentOffset || pc > usableSize - 4) {
                    return;
                }
                int size = cellSize.of(data, pc, intKey, maxLocal, data.length);
                if (size < 0 || pc + size > usableSize) {
                    return;
                }
                if (intKey) {
                    long key = cellSize.rowid();
                    if (i == nCell - 1) {
                        last = key;
                    } else if (key >= next) {
                        return;
                    }
                    next = key;
                }
                cells[n++] = ((long) pc << 16) | (pc + size - 1);
            }
            if (!extents.disjoint(data, hdr, contentOffset, cells, n)
                    || extents.uncovered(data, hdr, contentOffset, cells, n) != (data[hdr + 7] & 0xff)) {
                return;
            }
            int p = (int) pgno;
            firstKey[p] = next;
            lastKey[p] = last;
            flags[p] = (byte) flag;
        }
    }
}
