package dev.loupe.check.index;

import dev.loupe.format.BigEndian;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.page.PageSource;

import java.io.IOException;

/**
 * The 1-based scan positions of some cells of a table's b-tree (what integrity_check's "row N" counts), from the cell
 * counts of the pages before them: the tree is walked in key order through its interior pages' child pointers, and of
 * each page only the header and cell pointers are read, never a cell. A rowid table's rows are its leaf cells; a
 * WITHOUT ROWID table's tree is an index b-tree, whose interior cells are rows too, each met after the rows of its
 * left subtree. Meant for a tree the record pass found sound; on anything else (a page of another kind, a pointer
 * out of range, more pages than the file has, a cell not met) it gives up and returns null, and the caller scans
 * instead.
 */
final class RowPositions {

    /** Deeper than any b-tree SQLite writes (btree.c's BTCURSOR_MAX_DEPTH is 20). */
    private static final int MAX_DEPTH = 20;
    private static final int INDEX_INTERIOR = 2;
    private static final int TABLE_INTERIOR = 5;
    private static final int INDEX_LEAF = 10;
    private static final int TABLE_LEAF = 13;

    private final PageSource pages;
    private final int usableSize;
    /** The page types of the tree's interior and leaf pages. */
    private final int interiorType;
    private final int leafType;
    /** One page per level of the walk: the interior pages on the way down, and the leaf. */
    private final byte[][] level;
    private final long[] pgno = new long[MAX_DEPTH];
    private final int[] next = new int[MAX_DEPTH];

    /** @param withoutRowid whether the tree is a WITHOUT ROWID table's (an index b-tree) */
    RowPositions(PageSource pages, int usableSize, boolean withoutRowid) {
        this.pages = pages;
        this.usableSize = usableSize;
        this.interiorType = withoutRowid ? INDEX_INTERIOR : TABLE_INTERIOR;
        this.leafType = withoutRowid ? INDEX_LEAF : TABLE_LEAF;
        this.level = new byte[MAX_DEPTH][];
    }

    /**
     * The positions of the cells {@code cells[i]} of the pages {@code leaves[i]} (leaves, or in a WITHOUT ROWID table
     * interior pages too), given in the tree's key order, or null (see the class comment).
     */
    long[] of(long root, long[] leaves, int[] cells) throws IOException {
        long[] out = new long[leaves.length];
        long before = 0; // rows passed so far
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
            if ((data[h] & 0xff) == leafType) {
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
            if (interiorType == INDEX_INTERIOR && child > 0 && child <= n) {
                // back from the subtree left of cell child - 1: that cell's row comes next
                if (found < leaves.length && leaves[found] == pgno[depth] && cells[found] == child - 1) {
                    out[found++] = before + 1;
                }
                before++;
            }
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

    /**
     * Reads page {@code page} in at level {@code depth}; false unless it is a page of the tree's kind whose header
     * fits.
     */
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
        boolean fits = type == leafType ? h + 8 + 2 * n <= usableSize
                : type == interiorType && h + 12 + 2 * n <= usableSize;
        pgno[depth] = page;
        next[depth] = 0;
        return fits;
    }
}
