package dev.loupe.format.treeview;

import dev.loupe.format.Span;

/**
 * A child pointer of an interior page: child {@code childIndex} (a cell's left child, or the cell count for the
 * right child), stored at {@code pointer}, naming {@code page}. {@code node} is the child's node when it could be
 * shown (always for {@link LinkState#OK}, also for {@link LinkState#WRONG_KIND}); null for a broken link that leads
 * nowhere or below the depth limit. {@code message} explains a broken link (null when OK).
 */
public record TreeLink(int childIndex, long page, Span pointer, LinkState state, String message, TreeNode node) {
}
