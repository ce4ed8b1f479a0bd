package dev.loupe.gui;

import javafx.scene.input.KeyEvent;

/**
 * The keys of the b-tree view. Arrows move the cursor box: left and right through siblings, up to the parent, down
 * to the first child (entering a collapsed node expands it); Enter chooses the page. Space collapses or expands the
 * cursor's subtree, '-' collapses it (on a leaf: its parent, where the cursor goes), '+' expands it, '*' expands
 * everything below it. Characters come as typed keys, so '+' and '*' work on any keyboard layout.
 */
final class TreeKeys {

    private final TreeDiagram tree;

    TreeKeys(TreeDiagram tree) {
        this.tree = tree;
    }

    void pressed(KeyEvent e) {
        TreeLayout layout = tree.treeLayout();
        if (layout == null || layout.shownCount() == 0) {
            return;
        }
        TreeShape shape = layout.shape();
        int at = tree.cursorItem();
        int to;
        switch (e.getCode()) {
            case LEFT, KP_LEFT -> to = sibling(shape, at, -1);
            case RIGHT, KP_RIGHT -> to = sibling(shape, at, 1);
            case UP, KP_UP -> to = shape.parent(at) >= 0 ? shape.parent(at) : at;
            case DOWN, KP_DOWN -> {
                int first = -1;
                for (int k : shape.hasChildren(at) ? shape.children(at) : new int[0]) {
                    if (shape.isNode(k)) {
                        first = k;
                        break;
                    }
                }
                to = first >= 0 ? first : at;
                if (first >= 0 && layout.isCollapsed(at)) {
                    // entering a collapsed node expands it; the cursor moves once the children are laid out
                    long child = shape.page(first);
                    e.consume();
                    tree.highlight(child);
                    tree.expand(shape.page(at), () -> tree.reveal(child));
                    return;
                }
            }
            case ENTER -> {
                tree.choose(shape.page(at));
                e.consume();
                return;
            }
            default -> {
                return;
            }
        }
        e.consume();
        tree.highlight(shape.page(to));
        tree.reveal(shape.page(to));
    }

    /** Space toggles, '-' collapses (on a leaf: its parent, and the cursor goes there), '+' expands, '*' all below. */
    void typed(KeyEvent e) {
        TreeLayout layout = tree.treeLayout();
        if (layout == null || layout.shownCount() == 0) {
            return;
        }
        TreeShape shape = layout.shape();
        int at = tree.cursorItem();
        long page = shape.page(at);
        switch (e.getCharacter()) {
            case " " -> tree.toggle(page);
            case "+", "=" -> tree.expand(page);
            case "*" -> tree.expandBelow(page);
            case "-" -> {
                if (!shape.hasChildren(at) && shape.parent(at) >= 0) {
                    page = shape.page(shape.parent(at));
                }
                tree.collapse(page);
            }
            default -> {
                return;
            }
        }
        e.consume();
        tree.highlight(page);
        tree.reveal(page);
    }

    /** The shown node {@code step} siblings away, or {@code i} itself at either end. */
    private static int sibling(TreeShape shape, int i, int step) {
        int parent = shape.parent(i);
        if (parent < 0) {
            return i;
        }
        int[] kids = shape.children(parent);
        int k = 0;
        while (kids[k] != i) {
            k++;
        }
        for (int j = k + step; j >= 0 && j < kids.length; j += step) {
            if (shape.isNode(kids[j])) {
                return kids[j];
            }
        }
        return i;
    }
}
