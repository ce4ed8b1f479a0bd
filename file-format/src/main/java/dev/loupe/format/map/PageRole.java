package dev.loupe.format.map;

/**
 * Where one page sits in the structure that claims it: its parent (the page that points to it, as the pointer map
 * of an auto-vacuum database records it, fileformat2 §1.7) and its position there.
 */
public sealed interface PageRole {

    /** The page that points to this one, or 0 when none does (a root, the first trunk, an unclaimed page). */
    long parent();

    /** One line for people, e.g. "child 3 of page 2, 26 rows" or "overflow 2 of cell 0 on page 22". */
    String describe();

    /**
     * A b-tree page.
     *
     * @param parent     the interior page whose child pointer leads here, 0 for the root
     * @param childIndex the index of the cell whose left child this is, or the parent's cell count for its
     *                   right-most child (fileformat2 §1.6); -1 for the root
     * @param cells      cells on this page
     * @param kind       table-/index- interior/leaf
     */
    record TreePage(long parent, int childIndex, int cells, PageKind kind) implements PageRole {
        @Override
        public String describe() {
            String what = switch (kind) {
                case TABLE_LEAF -> cells == 1 ? "row" : "rows";
                case INDEX_LEAF, INDEX_INTERIOR -> cells == 1 ? "entry" : "entries";
                default -> cells == 1 ? "cell" : "cells";
            };
            String where = parent == 0 ? "root" : "child " + childIndex + " of page " + parent;
            return where + ", " + cells + " " + what;
        }
    }

    /**
     * An overflow page.
     *
     * @param parent    the previous page of the chain, or the b-tree page holding the cell for the first one
     * @param sequence  1 for the first overflow page of the cell, 2 for the next, ...
     * @param cellPage  the b-tree page holding the cell
     * @param cellIndex the cell's index on that page
     */
    record Overflow(long parent, int sequence, long cellPage, int cellIndex) implements PageRole {
        @Override
        public String describe() {
            return "overflow " + sequence + " of cell " + cellIndex + " on page " + cellPage;
        }
    }

    /**
     * A freelist trunk page (fileformat2 §1.5).
     *
     * @param parent   the previous trunk, 0 for the first (which the header names at offset 32)
     * @param sequence 1 for the first trunk, 2 for the next, ...
     * @param leaves   leaf page numbers read from it
     */
    record FreelistTrunk(long parent, int sequence, int leaves) implements PageRole {
        @Override
        public String describe() {
            return "trunk " + sequence + " of the freelist, " + leaves + (leaves == 1 ? " leaf" : " leaves");
        }
    }

    /**
     * A freelist leaf page.
     *
     * @param parent the trunk that lists it
     * @param index  1 for the first leaf the trunk lists, 2 for the next, ...
     */
    record FreelistLeaf(long parent, int index) implements PageRole {
        @Override
        public String describe() {
            return "leaf " + index + " of trunk " + parent;
        }
    }

    /** A page with no parent or position: pointer-map, lock-byte, orphan or unreadable page. */
    record Unplaced(PageKind kind) implements PageRole {
        @Override
        public long parent() {
            return 0;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case PTRMAP -> "pointer-map page";
                case LOCK_BYTE -> "lock-byte page (never used)";
                case ORPHAN -> "claimed by no tree, freelist or pointer map";
                case UNREADABLE -> "reached from a b-tree but not a b-tree page";
                default -> "";
            };
        }
    }
}
