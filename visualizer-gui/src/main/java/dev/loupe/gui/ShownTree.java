package dev.loupe.gui;

import dev.loupe.format.treeview.TreeView;

/**
 * What the b-tree tab shows, prepared off the FX thread: the tree as walked, flattened, and laid out with its
 * default collapse state ({@link TreeShape#defaultCollapsed}).
 */
record ShownTree(String title, TreeView view, TreeShape shape, TreeLayout layout) {

    /**
     * Most boxes a tree opens with: deeper levels start collapsed beyond this (each collapsed node counts the pages it
     * hides). About what a screen shows legibly a few times over; expanding is one click away.
     */
    static final int DEFAULT_MAX_SHOWN = 1500;

    static ShownTree of(String title, TreeView view) {
        return of(title, view, DEFAULT_MAX_SHOWN);
    }

    static ShownTree of(String title, TreeView view, int maxShown) {
        TreeShape shape = TreeShape.of(view);
        return new ShownTree(title, view, shape, TreeLayout.of(shape, shape.defaultCollapsed(maxShown)));
    }
}
