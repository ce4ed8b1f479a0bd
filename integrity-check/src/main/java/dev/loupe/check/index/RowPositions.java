package dev.loupe.check.index;

import dev.loupe.format.BigEndian;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.page.PageSource;

import java.io.IOException;

/**
 * The 1-based scan positions of some cells of a rowid table's b-tree (what integrity_check's "row N" counts), from the
 * cell counts of the leaves before them: the tree is walked in key order through its interior pages' child pointers,
 * and of each leaf only the header is read, never a cell. Meant for a tree the record pass found sound; on anything
 * else (a page that is not a table b-tree page, a pointer out of range, more pages than the file has, a cell not
 * met) it gives up and returns null, and the caller scans instead.
 */
final class RowPositions {

    /** Deeper than any table b-tree SQLite writes (btree.c's BTCURSOR_MAX_DEPTH is 20). */
    private static final int MAX_DEPTH = 20;
    private static final int TABLE_INTERIOR = 5;
    private static final int TABLE_LEAF = 13;

    private final PageSource pages;
    private final int usableSize;
    /** One page per level of the walk: the interior pages on the way down, and the leaf. */
    private final byte[][] level;
    private final long[] pgno = new long[MAX_DEPTH];
    private final int[] next = new int[MAX_DEPTH];

    RowPositions(PageSource pages, int usableSize) {
        this.pages = pages;
        this.usableSize = usableSize;
        this.level = new byte[MAX_DEPTH][];
    }

    /**
     * The positions of the cells {@code cells[i]} of the leaf pages {@code leaves[i]}, given in the tree's key order
     * (ascending rowids), or null (see the class comment).
     */
    long[] of(long root, long[] leaves, int[] cells) throws IOException {
        long[] out = new long[leaves.length];
        long before = 0; // cells on the leaves passed so far
        long visited = 0;
        int found = 0;
        int depth = 0;
        if (!enter(0, root)) {
            return null;
        }
        while (depth >= 0 && found < leaves.length) {
            byte[] data = level[depth];
            int h = BTreePage.headerOffset(pgno[depth]);
            int n = BigEndian.u16(data, h + 3);
            if ((data[h] & 0xff) == TABLE_LEAF) {
                for (; found < leaves.length && leaves[found] == pgno[depth]; found++) {
                    if (cells[found] >= n) {
                        return null;
                    }
                    out[found] = before + cells[found] + 1;
                }
                before += n;
                depth--;
                continue;
            }
            int child = next[depth]++;
            if (child > n) {
                depth--; // every child taken
                continue;
            }
            long page;
            if (child < n) {
                int at = BigEndian.u16(data, h + 12 + 2 * child);
                if (at < h + 12 + 2 * n || at + 4 > usableSize) {
                    return null;
                }
                page = BigEndian.u32(data, at);
            } else {
                page = BigEndian.u32(data, h + 8);
            }
            if (++visited > pages.pageCount() || depth + 1 >= MAX_DEPTH || !enter(depth + 1, page)) {
                return null;
            }
            depth++;
        }
        return found == leaves.length ? out : null;
    }

    /** Reads page {@code page} in at level {@code depth}; false unless it is a table b-tree page whose header fits. */
    private boolean enter(int depth, long page) throws IOException {
        if (level[depth] == null) {
            level[depth] = new byte[pages.pageSize()];
        }
        byte[] data = level[depth];
        if (page < 1 || !pages.readInto(page, data)) {
            return false;
        }
        int h = BTreePage.headerOffset(page);
        if (h + 12 > usableSize) {
            return false;
        }
        int type = data[h] & 0xff;
        int n = BigEndian.u16(data, h + 3);
        boolean fits = type == TABLE_LEAF ? h + 8 + 2 * n <= usableSize
                : type == TABLE_INTERIOR && h + 12 + 2 * n <= usableSize;
        pgno[depth] = page;
        next[depth] = 0;
        return fits;
    }
}
