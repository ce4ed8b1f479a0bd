package dev.loupe.check.structure;

import dev.loupe.format.BigEndian;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.LocalLeafCell;
import dev.loupe.format.btree.PageType;

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

    /** How many leaves have a summary (once the record pass has ended). */
    public long count() {
        long n = 0;
        for (byte f : flags) {
            if (f != 0) {
                n++;
            }
        }
        return n;
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

    /**
     * Judges leaf pages as the record pass reads them, one per thread: {@link #start} with the page, then each cell
     * in cell order ({@link #cell} for a valid pointer to a wholly local cell, {@link #reject} for anything else),
     * then {@link #finish}. The cells come from the record pass's own reading of them (LocalLeafCell), so the page
     * costs no second parse.
     */
    public final class Judge {
        private final int pageSize;
        private final int usableSize;
        private final Extents extents;
        /**
         * The extents of the page's cells: room for as many as a page can hold, made once (growing it when a tree with
         * more cells per page comes along would throw the record pass's compiled loop away mid-run).
         */
        private final long[] cells;
        private long pgno;
        private byte[] data;
        private int hdr;
        private int flag;
        private int nCell;
        private int contentOffset;
        private int n;
        /** False once the page cannot have a summary. */
        private boolean sound;
        private long firstKey;
        private long lastKey;

        private Judge(int pageSize, int usableSize) {
            this.pageSize = pageSize;
            this.usableSize = usableSize;
            this.extents = new Extents(usableSize);
            this.cells = new long[(pageSize - 8) / 6];
        }

        /**
         * Starts on page {@code pgno}, whose bytes are {@code data} (exactly one page); false when its header or
         * free space already rule a summary out (its cells then need not be passed in).
         */
        public boolean start(long pgno, byte[] data) {
            sound = false;
            if (pgno <= 0 || pgno >= flags.length || data.length != pageSize) {
                return false;
            }
            int h = BTreePage.headerOffset(pgno);
            int f = data[h] & 0xff;
            if (f != INDEX_LEAF && f != TABLE_LEAF) {
                return false;
            }
            int count = BigEndian.u16(data, h + 3);
            // no cells: an empty root is sound but a child page is not (left to the full check, which knows which)
            if (count == 0 || count > (pageSize - 8) / 6
                    || FreeSpace.problem(data, h, PageType.ofFlag(f), count, usableSize) != null) {
                return false;
            }
            int top = BigEndian.u16(data, h + 5);
            this.pgno = pgno;
            this.data = data;
            this.hdr = h;
            this.flag = f;
            this.nCell = count;
            this.contentOffset = top == 0 ? 65536 : top;
            this.n = 0;
            sound = true;
            return true;
        }

        /**
         * The next cell, in cell order: its pointer {@code pc} and the end of its payload, which lies wholly on the
         * page (LocalLeafCell read it: varints and payload inside the usable area, P <= X), and its rowid.
         */
        public void cell(int pc, int payloadEnd, long rowid) {
            if (!sound) {
                return;
            }
            // checkTreePage's cell loop: the pointer inside the content area, the rowids rising
            if (pc < contentOffset || pc > usableSize - 4 || n == nCell
                    || flag == TABLE_LEAF && n > 0 && rowid <= lastKey) {
                sound = false;
                return;
            }
            if (n == 0) {
                firstKey = rowid;
            }
            lastKey = rowid;
            // a cell takes at least 4 bytes (SQLite's minimum cell size)
            cells[n++] = ((long) pc << 16) | (Math.max(pc + 4, payloadEnd) - 1);
        }

        /** The next cell has a pointer out of range, overflows or is damaged: no summary. */
        public void reject() {
            sound = false;
        }

        /** Ends the page: with every cell passed in and sound, and the page's bytes covered once, it is summarised. */
        public void finish() {
            if (!sound || n != nCell || !extents.disjoint(data, hdr, contentOffset, cells, n)
                    || extents.uncovered(data, hdr, contentOffset, cells, n) != (data[hdr + 7] & 0xff)) {
                return;
            }
            int p = (int) pgno;
            LeafSummaries.this.firstKey[p] = flag == TABLE_LEAF ? firstKey : 0;
            LeafSummaries.this.lastKey[p] = flag == TABLE_LEAF ? lastKey : 0;
            flags[p] = (byte) flag;
        }

        /**
         * Judges a whole page by itself, reading its cells as the record pass does (for callers without a record
         * walk, and the tests).
         */
        public void leaf(long pgno, byte[] data) {
            if (!start(pgno, data)) {
                return;
            }
            BTreePage page = BTreePage.decode(pgno, data, usableSize);
            LocalLeafCell local = new LocalLeafCell();
            for (int i = 0; i < page.cellCount(); i++) {
                if (page.cellPointerValid(i) && local.read(page, i)) {
                    cell(page.cellPointer(i), local.payloadOffset() + local.payloadSize(), local.rowid());
                } else {
                    reject();
                }
            }
            finish();
        }
    }
}
