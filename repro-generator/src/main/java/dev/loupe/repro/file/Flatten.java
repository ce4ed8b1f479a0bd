package dev.loupe.repro.file;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.IndexInteriorCell;
import dev.loupe.format.btree.PayloadCell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole b-tree written as one leaf at its root page, when its entries fit there: the rows of a table tree (its
 * leaf cells, in key order) or the entries of an index tree (leaf cells and the entries of interior cells, in key
 * order; an index interior cell is a leaf cell after its 4-byte left-child pointer, fileformat2 §1.6). The
 * interior and leaf pages below the root become unreferenced. Overflow chains stay where they are; in an
 * auto-vacuum file the pointer-map entry of each moved cell's first overflow page names the root as its parent
 * when it named the cell's old page (a wrong entry stays wrong).
 */
final class Flatten {
    private Flatten() {
    }

    /** Tree {@code root} as a single leaf, or null when the root is a leaf, a page is unclean or it would not fit. */
    static DbImage root(DbImage img, long root) {
        BTreePage top = Edits.cleanPage(img, root);
        if (top == null || top.type().isLeaf()) {
            return null;
        }
        List<byte[]> cells = new ArrayList<>();
        List<long[]> moves = new ArrayList<>(); // {old page, first overflow page}
        if (!collect(img, root, new HashSet<>(), cells, moves, top.usableSize(), top.type().isTable())) {
            return null;
        }
        int leafFlag = top.type().isTable() ? 13 : 10;
        byte[] data = PageBuilder.build(top, leafFlag, cells, 0);
        if (data == null) {
            return null;
        }
        DbImage out = img.copy();
        out.setPage(root, data);
        if (img.autoVacuum()) {
            for (long[] m : moves) {
                Edits.reparentOverflow(out, m[1], m[0], root);
            }
        }
        return out;
    }

    /**
     * Appends the entries under {@code pgno} in key order; false when a page is unclean or seen twice, or the
     * entries already take more than {@code room} bytes (they could not fit on one page: no need to read on), or
     * a page is not of the root's kind ({@code table}: a table tree).
     */
    private static boolean collect(DbImage img, long pgno, Set<Long> seen, List<byte[]> cells, List<long[]> moves,
                                   int room, boolean table) {
        if (!seen.add(pgno) || seen.size() > img.pageCount()
                || cells.stream().mapToInt(c -> c.length + 2).sum() > room) {
            return false;
        }
        BTreePage page = Edits.cleanPage(img, pgno);
        // a page of the other kind (a table page in an index tree) is damage to keep, not cells to move
        if (page == null || page.type().isTable() != table) {
            return false;
        }
        for (int i = 0; i < page.cellCount(); i++) {
            Cell c = page.cell(i);
            if (!page.type().isLeaf() && !collect(img, page.child(i), seen, cells, moves, room, table)) {
                return false;
            }
            if (page.type().isLeaf()) {
                cells.add(PageBuilder.cellBytes(page, c));
            } else if (c instanceof IndexInteriorCell) {
                byte[] b = PageBuilder.cellBytes(page, c);
                cells.add(Arrays.copyOfRange(b, 4, b.length));
            }
            if (c instanceof PayloadCell pc && pc.payload().overflows()) {
                moves.add(new long[] {pgno, pc.payload().firstOverflow()});
            }
        }
        return page.type().isLeaf() || collect(img, page.header().rightChild(), seen, cells, moves, room, table);
    }
}
