package dev.loupe.format.treeview;

import dev.loupe.format.Problem;

import java.util.List;

/**
 * A b-tree as a tree of pages, from {@link TreeViewBuilder}: the root node (null when the root page itself cannot
 * be shown), the pages shown and walked, and every problem met (also attached to the node where it occurs).
 */
public record TreeView(long rootPage, TreeNode root, long shownPages, long walkedPages, List<Problem> problems) {

    public TreeView {
        problems = List.copyOf(problems);
    }

    /** Whether anything is wrong in the tree as walked. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
