package dev.loupe.check.index;

import dev.loupe.format.Varint;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.find.TreeSearch;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.schema.Table;

import java.io.IOException;

/**
 * A partition of a rowid table's rowids into {@value #RANGES} ranges of equal width (a power of two), by which
 * {@link EntryDigest} sums entries beside its hash buckets. Where a table lost a subtree, its rows' entries differ in
 * every hash bucket, but only in the few ranges that hold their rowids: the exact pass then looks at the rows and
 * entries of those ranges alone ({@link Suspects}).
 *
 * <p>The width is chosen before the walks, from the largest rowid the table's tree shows down its right-most path
 * (right-child pointers, then the last readable cell of that leaf), so that the rows spread over the ranges; rowids
 * past it, and negative ones, wrap round (the range is a few bits of the rowid). Any width gives right answers: it
 * only decides how finely differences are located. A WITHOUT ROWID table has one range (its entries carry no rowid:
 * 0 on both sides), and so has a table whose right-most path cannot be read.
 */
record RowidRanges(int shift) {

    static final int RANGE_BITS = 8;
    static final int RANGES = 1 << RANGE_BITS;

    /** One range for every entry with a rowid of 0 or more (and one more for negative rowids). */
    static final RowidRanges ONE = new RowidRanges(63);

    /** The range of an entry with this rowid (0 for an entry without one). */
    int of(long rowid) {
        return (int) (rowid >>> shift) & (RANGES - 1);
    }

    /** Ranges wide enough for rowids up to {@code max} to fill them (one range when {@code max} is not positive). */
    static RowidRanges upTo(long max) {
        if (max <= 0) {
            return ONE;
        }
        int bits = 64 - Long.numberOfLeadingZeros(max);
        return new RowidRanges(Math.max(0, bits - RANGE_BITS));
    }

    /** The ranges for {@code table}'s rowids, read off its tree in {@code pages} (never throws on damage). */
    static RowidRanges of(PageSource pages, int usableSize, Table table) {
        if (!table.hasRowid() || table.rootPage() < 1) {
            return ONE;
        }
        try {
            return upTo(largestRowid(pages, usableSize, table.rootPage()));
        } catch (IOException | RuntimeException e) {
            return ONE;
        }
    }

    /**
     * The rowid of the last readable cell of the leaf at the end of the right-most path from {@code root}, or -1: a
     * path that leaves the file, loops, grows past {@link BTreeWalker#MAX_DEPTH} or meets a page that is no table
     * page gives no answer.
     */
    static long largestRowid(PageSource pages, int usableSize, long root) throws IOException {
        long pgno = root;
        for (int depth = 0; depth <= BTreeWalker.MAX_DEPTH; depth++) {
            byte[] data = pgno >= 1 && pgno <= pages.pageCount() ? pages.read(pgno) : null;
            if (data == null) {
                return -1;
            }
            BTreePage page = BTreePage.decode(pgno, data, usableSize);
            if (page.type() == PageType.TABLE_INTERIOR) {
                long next = page.header().rightChild();
                if (next == pgno || next == root) {
                    return -1;
                }
                pgno = next;
                continue;
            }
            if (page.type() != PageType.TABLE_LEAF) {
                return -1;
            }
            for (int i = page.cellCount() - 1; i >= 0; i--) {
                int at = TreeSearch.rowidAt(page, i);
                if (at >= 0) {
                    return Varint.value(data, at);
                }
            }
            return -1;
        }
        return -1;
    }
}
