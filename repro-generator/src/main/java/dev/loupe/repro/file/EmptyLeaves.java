package dev.loupe.repro.file;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadCell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Takes empty leaves out of a b-tree after its rows were removed. SQLite never leaves a non-root page without
 * cells, and its cursors stop on one: the sqlite3 CLI 3.40 then fails integrity_check with "database disk image
 * is malformed" where sqlite-jdbc's 3.54 still says "ok", and a query that scans the index fails on both. An
 * empty leaf of a table tree is dropped with the divider on its right (or, for the right child, the divider on
 * its left): table dividers are only keys. In an index tree that divider is an entry, so it moves down into the
 * neighbouring leaf, first or last, as a b-tree merge does (fileformat2 §1.6: an index interior cell is the entry
 * after a 4-byte left-child pointer); when that neighbour is no leaf or has no room, the empty leaf stays.
 */
final class EmptyLeaves {
    private EmptyLeaves() {
    }

    /** The leaves of tree {@code root}, other than the root itself, that hold no cell. */
    static int count(DbImage img, long root) {
        int n = 0;
        for (BTreePage page : new TreeRows(img).pages(root)) {
            if (page.number() != root && page.type().isLeaf() && page.cellCount() == 0) {
                n++;
            }
        }
        return n;
    }

    /** Tree {@code root} with its empty non-root leaves folded away, as far as that can be done. */
    static DbImage fold(DbImage img, long root) {
        DbImage out = img;
        for (int guard = 0; guard < img.pageCount(); guard++) {
            DbImage next = foldOne(out, root);
            if (next == null) {
                return out;
            }
            out = next;
        }
        return out;
    }

    /** The tree with one empty leaf folded away, or null when there is none that can be. */
    private static DbImage foldOne(DbImage img, long root) {
        List<BTreePage> pages = new TreeRows(img).pages(root);
        for (int k = pages.size() - 1; k >= 0; k--) {
            BTreePage parent = Edits.cleanPage(img, pages.get(k).number());
            if (parent == null || parent.type().isLeaf()) {
                continue;
            }
            for (int i = 0; i <= parent.cellCount(); i++) {
                BTreePage child = Edits.cleanPage(img, parent.child(i));
                if (child != null && child.type().isLeaf() && child.cellCount() == 0) {
                    DbImage folded = drop(img, parent, i, parent.number() == root);
                    if (folded != null) {
                        return folded;
                    }
                }
            }
        }
        return null;
    }

    private static DbImage drop(DbImage img, BTreePage parent, int i, boolean root) {
        int n = parent.cellCount();
        if (n == 0) {
            return null;
        }
        if (parent.type() == PageType.TABLE_INTERIOR) {
            return Edits.removeChildren(img, parent.number(), Set.of(i), root);
        }
        // the entry that goes with the empty child, and the leaf it moves into
        int divider = i < n ? i : n - 1;
        long into = parent.child(i < n ? i + 1 : n - 1);
        BTreePage leaf = Edits.cleanPage(img, into);
        if (leaf == null || leaf.type() != PageType.INDEX_LEAF) {
            return null;
        }
        Cell moved = parent.cell(divider);
        byte[] withChild = PageBuilder.cellBytes(parent, moved);
        byte[] entry = Arrays.copyOfRange(withChild, 4, withChild.length);
        List<byte[]> cells = new ArrayList<>();
        for (int c = 0; c < leaf.cellCount(); c++) {
            cells.add(PageBuilder.cellBytes(leaf, leaf.cell(c)));
        }
        cells.add(i < n ? 0 : cells.size(), entry);
        byte[] rebuilt = PageBuilder.build(leaf, PageType.INDEX_LEAF.flag(), cells, 0);
        if (rebuilt == null) {
            return null;
        }
        DbImage out = Edits.removeChildren(img, parent.number(), Set.of(i), root);
        if (out == null) {
            return null;
        }
        // a root (not page 1) left with one child took that child's content: the leaf now lives at the root's page
        long target = root && n == 1 && parent.number() != 1 ? parent.number() : into;
        out.setPage(target, rebuilt);
        if (img.autoVacuum() && moved instanceof PayloadCell pc && pc.payload().overflows()) {
            Edits.reparentOverflow(out, pc.payload().firstOverflow(), parent.number(), target);
        }
        return out;
    }
}
