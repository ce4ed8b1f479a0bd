package dev.loupe.repro.file;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadCell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes an entry out of an index interior page the way a b-tree delete does: the entry is replaced by its in-order
 * predecessor, the last entry of the rightmost leaf under its left child, which leaves that leaf. Every key of the
 * left subtree is smaller than the entry (fileformat2 §1.6), so keys stay in order and the tree keeps its shape;
 * an index interior cell is the entry after a 4-byte left-child pointer, so the moved entry's bytes are reused as
 * they are. In an auto-vacuum file the moved entry's first overflow page names its new page in the pointer map.
 */
final class Predecessor {
    private Predecessor() {
    }

    /** Page {@code page} with cell {@code i} replaced by its predecessor, or null when that cannot be done. */
    static DbImage replace(DbImage img, BTreePage page, int i) {
        if (page.type() != PageType.INDEX_INTERIOR || i >= page.cellCount()) {
            return null;
        }
        BTreePage leaf = rightmostLeaf(img, page.child(i));
        if (leaf == null || leaf.type() != PageType.INDEX_LEAF || leaf.cellCount() == 0) {
            return null;
        }
        int lastIndex = leaf.cellCount() - 1;
        Cell last = leaf.cell(lastIndex);
        byte[] entry = PageBuilder.cellBytes(leaf, last);
        long leftChild = page.child(i);
        byte[] moved = new byte[4 + entry.length];
        moved[0] = (byte) (leftChild >>> 24);
        moved[1] = (byte) (leftChild >>> 16);
        moved[2] = (byte) (leftChild >>> 8);
        moved[3] = (byte) leftChild;
        System.arraycopy(entry, 0, moved, 4, entry.length);
        List<byte[]> cells = new ArrayList<>();
        for (int c = 0; c < page.cellCount(); c++) {
            cells.add(c == i ? moved : PageBuilder.cellBytes(page, page.cell(c)));
        }
        byte[] rebuilt = PageBuilder.build(page, page.type().flag(), cells, page.header().rightChild());
        if (rebuilt == null) {
            return null;
        }
        DbImage out = Edits.removeCells(img, leaf.number(), Set.of(lastIndex));
        if (out == null) {
            return null;
        }
        out.setPage(page.number(), rebuilt);
        if (img.autoVacuum() && last instanceof PayloadCell pc && pc.payload().overflows()) {
            Edits.reparentOverflow(out, pc.payload().firstOverflow(), leaf.number(), page.number());
        }
        return out;
    }

    /** The leaf reached from {@code pgno} by right children, or null when a page on the way is unclean. */
    private static BTreePage rightmostLeaf(DbImage img, long pgno) {
        Set<Long> seen = new HashSet<>();
        long p = pgno;
        while (seen.add(p)) {
            BTreePage q = Edits.cleanPage(img, p);
            if (q == null || q.type().isTable()) {
                return null;
            }
            if (q.type().isLeaf()) {
                return q;
            }
            p = q.header().rightChild();
        }
        return null;
    }
}
