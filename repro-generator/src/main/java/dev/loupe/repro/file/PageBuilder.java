package dev.loupe.repro.file;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;

import java.util.Arrays;
import java.util.List;

/**
 * Writes a b-tree page afresh (fileformat2 §1.6): the header, the cell pointer array and the given cells packed
 * at the end of the usable area, no freeblocks, no fragments. Bytes before the b-tree header (the database header
 * on page 1) and the reserved bytes at the end of the page are kept.
 */
final class PageBuilder {
    private PageBuilder() {
    }

    /** The bytes of {@code cell} on its page. */
    static byte[] cellBytes(BTreePage page, Cell cell) {
        return Arrays.copyOfRange(page.data(), cell.offset(), cell.offset() + cell.size());
    }

    /**
     * The page {@code page} rebuilt with {@code cells} in this order, of b-tree type {@code flag} and, for an
     * interior page, right child {@code rightChild}; null if they do not fit.
     */
    static byte[] build(BTreePage page, int flag, List<byte[]> cells, long rightChild) {
        byte[] data = page.data().clone();
        int usable = page.usableSize();
        int h = BTreePage.headerOffset(page.number());
        boolean leaf = flag == 10 || flag == 13;
        int array = h + (leaf ? 8 : 12);
        int content = usable;
        for (byte[] c : cells) {
            content -= c.length;
        }
        if (content < array + 2 * cells.size()) {
            return null;
        }
        Arrays.fill(data, h, usable, (byte) 0);
        data[h] = (byte) flag;
        put16(data, h + 3, cells.size());
        put16(data, h + 5, content == 65536 ? 0 : content);
        if (!leaf) {
            data[h + 8] = (byte) (rightChild >>> 24);
            data[h + 9] = (byte) (rightChild >>> 16);
            data[h + 10] = (byte) (rightChild >>> 8);
            data[h + 11] = (byte) rightChild;
        }
        int at = usable;
        for (int i = 0; i < cells.size(); i++) {
            byte[] c = cells.get(i);
            at -= c.length;
            System.arraycopy(c, 0, data, at, c.length);
            put16(data, array + 2 * i, at);
        }
        return data;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }
}
