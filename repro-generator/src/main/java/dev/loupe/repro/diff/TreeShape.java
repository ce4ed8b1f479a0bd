package dev.loupe.repro.diff;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Freeblock;

import java.util.Arrays;

/**
 * The shape of one b-tree as a walk finds it (the figures of sqlite3_analyzer and dbstat): pages per level, leaf
 * and interior pages, cells, overflow pages, bytes used; and per page in walk order its number and a hash of where
 * its cells and free space lie, so that two trees of the same shape can be compared page by page. Memory: two
 * longs per page of the tree.
 */
final class TreeShape {

    private final long[] perLevel = new long[BTreeWalker.MAX_DEPTH];
    private long leafPages;
    private long interiorPages;
    private long overflowPages;
    private long cells;
    private long usedBytes;
    private long usableBytes;
    private long skipped;
    /** A hash of each page's level, type and cell count in walk order: equal when the shapes are. */
    private long shapeHash = 17;
    private long[] pageNumbers = new long[16];
    private long[] placements = new long[16];
    private int count;

    void page(BTreePage page, int depth) {
        perLevel[depth]++;
        if (page.type().isLeaf()) {
            leafPages++;
        } else {
            interiorPages++;
        }
        cells += page.cellCount();
        int free = page.unallocatedBytes() + page.header().fragmentedFreeBytes();
        for (Freeblock f : page.freeblocks()) {
            free += f.size();
        }
        usedBytes += Math.max(0, page.usableSize() - free);
        usableBytes += page.usableSize();
        shapeHash = shapeHash * 1_000_003L + ((long) depth << 40 | (long) page.type().ordinal() << 32
                | page.cellCount());
        if (count == pageNumbers.length) {
            pageNumbers = Arrays.copyOf(pageNumbers, count * 2);
            placements = Arrays.copyOf(placements, count * 2);
        }
        pageNumbers[count] = page.number();
        placements[count] = placement(page);
        count++;
    }

    /** A reference the walk did not follow (out of range, a second reference, too deep, not a b-tree page). */
    void skipped() {
        skipped++;
    }

    void overflow(long pages) {
        overflowPages += pages;
    }

    /** Where the cells and the free space of a page lie: content start, pointers, freeblocks, fragmented bytes. */
    static long placement(BTreePage page) {
        long h = page.header().cellContentStart();
        h = h * 31 + page.header().fragmentedFreeBytes();
        for (int i = 0; i < page.cellCount(); i++) {
            h = h * 31 + page.cellPointer(i);
        }
        for (Freeblock f : page.freeblocks()) {
            h = h * 31 + ((long) f.offset() << 16 | f.size());
        }
        return h;
    }

    int depth() {
        int d = 0;
        for (int i = 0; i < perLevel.length; i++) {
            if (perLevel[i] > 0) {
                d = i + 1;
            }
        }
        return d;
    }

    long[] perLevel() {
        return Arrays.copyOf(perLevel, depth());
    }



    long overflowPages() {
        return overflowPages;
    }



    /** Bytes used by headers, pointers and cells, per cent of the usable bytes of the tree's b-tree pages. */
    int fillPercent() {
        return usableBytes == 0 ? 0 : (int) (usedBytes * 100 / usableBytes);
    }

    boolean sameShape(TreeShape o) {
        return count == o.count && shapeHash == o.shapeHash && Arrays.equals(perLevel, o.perLevel);
    }

    int pageCount() {
        return count;
    }

    long pageNumber(int i) {
        return pageNumbers[i];
    }

    long placement(int i) {
        return placements[i];
    }

    /** "depth 2, pages per level [1, 4], 4 leaf, 1 interior, 0 overflow, 310 cells, fill 91%". */
    String describe() {
        return "depth " + depth() + ", pages per level " + Arrays.toString(perLevel()) + ", " + leafPages
                + " leaf, " + interiorPages + " interior, " + overflowPages + " overflow, " + cells + " cells, fill "
                + fillPercent() + "%" + (skipped == 0 ? "" : ", " + skipped + " references not followed");
    }
}
