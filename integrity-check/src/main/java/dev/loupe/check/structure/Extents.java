package dev.loupe.check.structure;

import dev.loupe.format.BigEndian;

import java.util.Arrays;

/**
 * Whether the cell extents and freeblocks of one b-tree page are pairwise disjoint and inside the content area
 * {@code [contentOffset, usableSize)}: the question checkTreePage answers with a heap of extents sorted by start.
 * When they are, the page's fragment count follows from their sizes alone and the sort is not needed. An extent is
 * {@code start << 16 | last byte}. One instance per thread (it keeps a bitmap of the page's bytes).
 */
final class Extents {

    private final int usableSize;
    /** One bit per byte of the usable area, for pages whose cells do not lie in cell order. */
    private final long[] bits;

    Extents(int usableSize) {
        this.usableSize = usableSize;
        this.bits = new long[(usableSize + 63) >>> 6];
    }

    /**
     * True when the {@code n} extents in {@code cells} and the freeblocks listed from the page header at {@code hdr}
     * lie inside the content area and no two share a byte. The freeblock list must be known to ascend and to stay
     * inside the page (the free-space check comes first).
     */
    boolean disjoint(byte[] data, int hdr, int contentOffset, long[] cells, int n) {
        if (contentOffset >= usableSize) {
            return n == 0 && BigEndian.u16(data, hdr + 1) == 0;
        }
        int inOrder = inOrder(data, hdr, contentOffset, cells, n);
        return inOrder >= 0 ? inOrder == 1 : bitmap(data, hdr, contentOffset, cells, n);
    }

    /**
     * The bytes of the content area that neither a cell nor a freeblock covers, for extents {@link #disjoint} found
     * disjoint and inside it: then the gaps between them add up to the content area less what they cover (the sum
     * checkTreePage takes gap by gap over its sorted heap, to compare with the header's fragment count).
     */
    long uncovered(byte[] data, int hdr, int contentOffset, long[] cells, int n) {
        long covered = 0;
        for (int k = 0; k < n; k++) {
            covered += (cells[k] & 0xffff) - (cells[k] >>> 16) + 1;
        }
        int fb = BigEndian.u16(data, hdr + 1);
        for (int guard = 0; fb > 0 && guard < usableSize / 4; guard++) {
            covered += BigEndian.u16(data, fb + 2);
            fb = BigEndian.u16(data, fb);
        }
        return usableSize - contentOffset - covered;
    }

    /**
     * {@link #disjoint} for the page SQLite usually writes, whose cells lie one after the other in cell order (a
     * new cell goes below the last, and a rebuilt page is laid out cell by cell): the cells, taken in that order
     * or its reverse, merged with the ascending freeblocks, each starting after the last byte of the one before.
     * 1 when disjoint, 0 when not, -1 when the cells are not in order (then {@link #bitmap} decides).
     */
    int inOrder(byte[] data, int hdr, int contentOffset, long[] cells, int n) {
        boolean ascending = n < 2 || cells[0] >>> 16 <= cells[n - 1] >>> 16;
        int k = ascending ? 0 : n - 1;
        int step = ascending ? 1 : -1;
        int fb = BigEndian.u16(data, hdr + 1);
        int taken = contentOffset - 1; // the last byte of the extent taken last, in start order
        int cellStart = -1; // the start of the cell taken last
        int freeblocks = 0;
        for (int left = n; left > 0 || fb > 0; ) {
            int first;
            int last;
            if (left > 0 && (fb == 0 || (int) (cells[k] >>> 16) < fb)) {
                first = (int) (cells[k] >>> 16);
                last = (int) (cells[k] & 0xffff);
                if (first <= cellStart) {
                    return -1;
                }
                cellStart = first;
                k += step;
                left--;
            } else {
                if (++freeblocks > usableSize / 4) {
                    return -1;
                }
                first = fb;
                last = fb + BigEndian.u16(data, fb + 2) - 1;
                fb = BigEndian.u16(data, fb);
            }
            if (first <= taken || last < first || last >= usableSize) {
                return 0;
            }
            taken = last;
        }
        return 1;
    }

    /** {@link #disjoint} in any order: each extent's bytes claimed in a bitmap of the page. */
    boolean bitmap(byte[] data, int hdr, int contentOffset, long[] cells, int n) {
        Arrays.fill(bits, contentOffset >>> 6, bits.length, 0L);
        for (int k = 0; k < n; k++) {
            if (!claim((int) (cells[k] >>> 16), (int) (cells[k] & 0xffff), contentOffset)) {
                return false;
            }
        }
        int fb = BigEndian.u16(data, hdr + 1);
        for (int guard = 0; fb > 0 && guard < usableSize / 4; guard++) {
            if (!claim(fb, fb + BigEndian.u16(data, fb + 2) - 1, contentOffset)) {
                return false;
            }
            fb = BigEndian.u16(data, fb);
        }
        return true;
    }

    /**
     * Marks bytes [first, last] taken; false when one is outside the content area or already taken. A cell or
     * freeblock mostly lies within one or two words of the bitmap: those cases take no loop.
     */
    private boolean claim(int first, int last, int contentOffset) {
        if (first < contentOffset || last >= usableSize || last < first) {
            return false;
        }
        int w0 = first >>> 6;
        int w1 = last >>> 6;
        long head = -1L << (first & 63); // the bits from first on, in word w0
        long tail = -1L >>> (63 - (last & 63)); // the bits up to last, in word w1
        if (w0 == w1) {
            long m = head & tail;
            if ((bits[w0] & m) != 0) {
                return false;
            }
            bits[w0] |= m;
            return true;
        }
        if ((bits[w0] & head) != 0 || (bits[w1] & tail) != 0) {
            return false;
        }
        for (int w = w0 + 1; w < w1; w++) {
            if (bits[w] != 0) {
                return false;
            }
            bits[w] = -1L;
        }
        bits[w0] |= head;
        bits[w1] |= tail;
        return true;
    }
}
