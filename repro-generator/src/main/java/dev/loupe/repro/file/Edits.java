package dev.loupe.repro.file;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.LocalPayload;
import dev.loupe.format.btree.PayloadCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reducer's edits, each on a copy of an image: remove cells or children of a b-tree page, replace an interior
 * page by one of its children, unlink freelist pages. Each returns null when it does not apply (a page that does
 * not decode cleanly is never rewritten, so damage in its layout is kept as it is). Pages an edit leaves
 * unreferenced are dropped afterwards by the compactor.
 */
final class Edits {
    private Edits() {
    }

    /** A b-tree page whose every cell decodes, or null. */
    static BTreePage cleanPage(DbImage img, long pgno) {
        if (!img.hasPage(pgno)) {
            return null;
        }
        BTreePage page = BTreePage.decode(pgno, img.page(pgno), img.usableSize());
        if (page.type() == null || !page.problems().isEmpty()) {
            return null;
        }
        for (int i = 0; i < page.cellCount(); i++) {
            Cell c = page.cell(i);
            if (c == null || !c.problems().isEmpty()) {
                return null;
            }
        }
        return page;
    }

    /** Page {@code pgno} without the cells whose indexes are in {@code drop} (a leaf, or the schema's page). */
    /** What {@link #overflowingCells} hands each cell whose payload runs into overflow pages. */
    interface OverflowingCell {
        void accept(BTreePage page, int cellIndex, LocalPayload payload);
    }

    /** Every cell of every clean tree page of {@code layout} whose payload overflows, page by page, in cell order. */
    static void overflowingCells(DbImage img, Layout layout, OverflowingCell action) {
        for (Layout.TreePage tp : layout.treePages) {
            BTreePage page = cleanPage(img, tp.page());
            if (page == null) {
                continue;
            }
            for (int i = 0; i < page.cellCount(); i++) {
                Cell c = page.cell(i);
                if (c instanceof PayloadCell pc && pc.payload().overflows()) {
                    action.accept(page, i, pc.payload());
                }
            }
        }
    }

    static DbImage removeCells(DbImage img, long pgno, Set<Integer> drop) {
        BTreePage page = cleanPage(img, pgno);
        if (page == null || drop.isEmpty()) {
            return null;
        }
        if (!page.type().isLeaf()) {
            return removeChildren(img, pgno, drop, false);
        }
        List<byte[]> cells = new ArrayList<>();
        for (int i = 0; i < page.cellCount(); i++) {
            if (!drop.contains(i)) {
                cells.add(PageBuilder.cellBytes(page, page.cell(i)));
            }
        }
        byte[] data = PageBuilder.build(page, page.type().flag(), cells, 0);
        return data == null ? null : with(img, pgno, data);
    }

    /**
     * Interior page {@code pgno} without the children whose indexes are in {@code drop} (index cellCount = the
     * right child). A divider stays with the child on its left; when the last kept child was a left child, it
     * becomes the right child and its divider goes, so the keys stay in order. A tree's root (other than page 1)
     * left with one child takes that child's content instead: SQLite refuses a root interior page without cells
     * when a cursor enters the tree ("database disk image is malformed"), though a non-root one only costs it a
     * level.
     */
    static DbImage removeChildren(DbImage img, long pgno, Set<Integer> drop, boolean root) {
        BTreePage page = cleanPage(img, pgno);
        if (page == null || page.type().isLeaf()) {
            return null;
        }
        int n = page.cellCount();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            if (!drop.contains(i)) {
                kept.add(i);
            }
        }
        if (kept.isEmpty() || kept.size() == n + 1) {
            return null;
        }
        if (root && kept.size() == 1 && pgno != 1) {
            return hoist(img, pgno, page.child(kept.get(0)));
        }
        List<byte[]> cells = new ArrayList<>();
        for (int k = 0; k < kept.size() - 1; k++) {
            cells.add(PageBuilder.cellBytes(page, page.cell(kept.get(k))));
        }
        int last = kept.get(kept.size() - 1);
        long right = last == n ? page.header().rightChild() : ((InteriorCell) page.cell(last)).leftChild();
        byte[] data = PageBuilder.build(page, page.type().flag(), cells, right);
        return data == null ? null : with(img, pgno, data);
    }

    /**
     * Interior page {@code pgno} (not page 1) replaced by the content of its child {@code child}: the tree loses
     * a level along that path and every other subtree of the page. Pointer-map entries naming the child as
     * parent are moved to the page.
     */
    static DbImage hoist(DbImage img, long pgno, long child) {
        if (pgno == 1 || child == 1 || !img.hasPage(child) || cleanPage(img, pgno) == null) {
            return null;
        }
        DbImage out = img.copy();
        out.setPage(pgno, img.page(child));
        if (img.autoVacuum()) {
            reparent(out, child, pgno);
        }
        return out;
    }

    /** Pointer-map entries of b-tree and first-overflow pages (types 3, 5) with parent {@code from} -> {@code to}. */
    static void reparent(DbImage img, long from, long to) {
        for (long p = 3; p <= img.pageCount(); p++) {
            long map = img.ptrmapPageFor(p);
            if (map == p || !img.hasPage(map)) {
                continue;
            }
            int at = 5 * (int) (p - map - 1);
            int type = img.bytes()[img.start(map) + at] & 0xff;
            if ((type == 3 || type == 5) && img.u32(map, at + 1) == from) {
                img.put32(map, at + 1, to);
            }
        }
    }

    /**
     * The pointer-map entry (3, from) of first overflow page {@code first} made (3, to), for a cell moved from
     * page {@code from} to page {@code to}; any other entry (a wrong one included) is left as it is.
     */
    static void reparentOverflow(DbImage img, long first, long from, long to) {
        if (!img.hasPage(first) || first < 3 || img.isPtrmapPosition(first)) {
            return;
        }
        long map = img.ptrmapPageFor(first);
        int at = 5 * (int) (first - map - 1);
        if ((img.bytes()[img.start(map) + at] & 0xff) == 3 && img.u32(map, at + 1) == from) {
            img.put32(map, at + 1, to);
        }
    }

    /**
     * Page 1 as an empty schema table leaf, the freelist emptied: every other page becomes unreferenced. For
     * findings about the header, which need no tree at all.
     */
    static DbImage emptySchema(DbImage img) {
        DbImage out = img.copy();
        byte[] b = out.bytes();
        int usable = Math.min(img.usableSize(), img.pageSize());
        java.util.Arrays.fill(b, 100, Math.max(100, usable), (byte) 0);
        b[100] = 13;
        b[105] = (byte) (usable >>> 8);
        b[106] = (byte) usable;
        out.putHeader32(32, 0);
        out.putHeader32(36, 0);
        return out;
    }

    /** The freelist emptied: first trunk 0, count lowered by the pages it had (a wrong count stays as wrong). */
    static DbImage dropFreelist(DbImage img, Layout layout) {
        if (layout.trunks.isEmpty()) {
            return null;
        }
        long pages = 0;
        for (long t : layout.trunks) {
            pages += 1 + leafCount(img, t);
        }
        DbImage out = img.copy();
        out.putHeader32(32, 0);
        out.putHeader32(36, Math.max(0, img.header32(36) - pages));
        return out;
    }

    /** Trunk {@code index} of the freelist unlinked with its leaves. */
    static DbImage dropTrunk(DbImage img, Layout layout, int index) {
        long trunk = layout.trunks.get(index);
        DbImage out = img.copy();
        long next = img.u32(trunk, 0);
        if (index == 0) {
            out.putHeader32(32, next);
        } else {
            out.put32(layout.trunks.get(index - 1), 0, next);
        }
        out.putHeader32(36, Math.max(0, img.header32(36) - 1 - leafCount(img, trunk)));
        return out;
    }

    /** Leaves {@code [from, to)} of freelist trunk {@code trunk} removed from its list. */
    static DbImage dropLeaves(DbImage img, long trunk, int from, int to) {
        int n = leafCount(img, trunk);
        if (from >= to || to > n) {
            return null;
        }
        DbImage out = img.copy();
        int k = to - from;
        for (int i = to; i < n; i++) {
            out.put32(trunk, 8 + 4 * (i - k), img.u32(trunk, 8 + 4 * i));
        }
        for (int i = n - k; i < n; i++) {
            out.put32(trunk, 8 + 4 * i, 0);
        }
        out.put32(trunk, 4, img.u32(trunk, 4) - k);
        out.putHeader32(36, Math.max(0, img.header32(36) - k));
        return out;
    }

    /** Leaves on a trunk as far as they fit in its usable area. */
    static int leafCount(DbImage img, long trunk) {
        return (int) Math.min(img.u32(trunk, 4), (img.usableSize() - 8) / 4);
    }

    private static DbImage with(DbImage img, long pgno, byte[] data) {
        DbImage out = img.copy();
        out.setPage(pgno, data);
        return out;
    }
}
