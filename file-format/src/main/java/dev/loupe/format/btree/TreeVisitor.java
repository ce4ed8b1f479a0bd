package dev.loupe.format.btree;

import dev.loupe.format.Problem;

import java.util.List;

/** Receives what {@link BTreeWalker} finds, in key order. */
public interface TreeVisitor {

    /**
     * A page was reached. {@code path} leads from the root to this page (empty for the root).
     *
     * @return false to skip this page's cells and children
     */
    default boolean page(BTreePage page, List<PathStep> path, int depth) {
        return true;
    }

    /**
     * A cell, in key order: a leaf cell, or an interior cell after its left subtree. {@code path} ends with the step
     * (page, cell index) of this cell. The path list is only valid during the call; copy it to keep it.
     */
    default void cell(BTreePage page, Cell cell, List<PathStep> path) {
    }

    /** Something wrong with the tree's structure or a page's bytes. */
    default void problem(Problem problem) {
    }

    /** Return true to stop the walk early (checked between cells). */
    default boolean stop() {
        return false;
    }
}
