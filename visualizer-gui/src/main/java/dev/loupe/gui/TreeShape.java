package dev.loupe.gui;

import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.format.treeview.TreeView;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TreeView} flattened for drawing: one item per page shown (a {@link TreeNode}) and one per broken link that
 * leads nowhere (the red "✕ page N" box), numbered in depth-first order so that an item's subtree is the range
 * {@code [i, end(i))} and its children follow it one subtree after the other. Counts over subtrees (pages, broken
 * links, pages with problems) are prefix sums, so a collapsed node can say what it hides in constant time. Built once
 * per tree, off the FX thread; which nodes are collapsed and where items are drawn live in {@link TreeLayout}.
 */
final class TreeShape {

    private final TreeView view;
    private final TreeNode[] nodes;
    private final TreeLink[] links;
    private final int[] parent;
    private final int[] depth;
    private final int[] end;
    /** Prefix sums over items [0, k): node items, broken links, node items with problems. */
    private final int[] nodesBefore;
    private final int[] brokenBefore;
    private final int[] problemsBefore;
    private final Map<Long, Integer> itemOfPage;
    private final int[] itemsAtDepth;

    private TreeShape(TreeView view, List<TreeNode> nodes, List<TreeLink> links, int[] parent, int[] depth,
                      int[] end) {
        this.view = view;
        int n = nodes.size();
        this.nodes = nodes.toArray(new TreeNode[0]);
        this.links = links.toArray(new TreeLink[0]);
        this.parent = parent;
        this.depth = depth;
        this.end = end;
        this.nodesBefore = new int[n + 1];
        this.brokenBefore = new int[n + 1];
        this.problemsBefore = new int[n + 1];
        this.itemOfPage = new HashMap<>(Math.max(16, n * 2));
        int maxDepth = 0;
        for (int i = 0; i < n; i++) {
            TreeNode node = this.nodes[i];
            TreeLink link = this.links[i];
            nodesBefore[i + 1] = nodesBefore[i] + (node != null ? 1 : 0);
            brokenBefore[i + 1] = brokenBefore[i] + (link != null && link.state().broken() ? 1 : 0);
            problemsBefore[i + 1] = problemsBefore[i] + (node != null && !node.problems().isEmpty() ? 1 : 0);
            if (node != null) {
                itemOfPage.putIfAbsent(node.page(), i);
            }
            maxDepth = Math.max(maxDepth, depth[i]);
        }
        this.itemsAtDepth = new int[n == 0 ? 0 : maxDepth + 1];
        for (int i = 0; i < n; i++) {
            itemsAtDepth[depth[i]]++;
        }
    }

    /** Flattens the tree; an empty shape when the root cannot be shown. */
    static TreeShape of(TreeView view) {
        List<TreeNode> nodes = new ArrayList<>();
        List<TreeLink> links = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        if (view.root() != null) {
            // Depth-first, children in key order, without recursion: a damaged tree is as deep as the walker let it.
            Deque<Object[]> stack = new ArrayDeque<>();
            stack.push(new Object[]{view.root(), null, -1, 0});
            while (!stack.isEmpty()) {
                Object[] top = stack.pop();
                TreeNode node = (TreeNode) top[0];
                int me = nodes.size();
                nodes.add(node);
                links.add((TreeLink) top[1]);
                parents.add((Integer) top[2]);
                depths.add((Integer) top[3]);
                if (node == null) {
                    continue;
                }
                List<TreeLink> kids = node.children();
                for (int k = kids.size() - 1; k >= 0; k--) {
                    TreeLink l = kids.get(k);
                    stack.push(new Object[]{l.node(), l, me, (Integer) top[3] + 1});
                }
            }
        }
        int n = nodes.size();
        int[] parent = new int[n];
        int[] depth = new int[n];
        int[] end = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = parents.get(i);
            depth[i] = depths.get(i);
            end[i] = i + 1;
        }
        // Preorder: an item's subtree ends where the first later item that is not its descendant starts. Walking
        // backwards, each item extends its parent's end over its own subtree.
        for (int i = n - 1; i > 0; i--) {
            if (end[i] > end[parent[i]]) {
                end[parent[i]] = end[i];
            }
        }
        return new TreeShape(view, nodes, links, parent, depth, end);
    }

    TreeView view() {
        return view;
    }

    /** Items: pages shown plus broken links that lead nowhere. */
    int size() {
        return nodes.length;
    }

    /** The page's node, null for a broken link's box. */
    TreeNode node(int i) {
        return nodes[i];
    }

    /** The link this item was reached by, null for the root. */
    TreeLink link(int i) {
        return links[i];
    }

    boolean isNode(int i) {
        return nodes[i] != null;
    }

    /** The page number the item stands for: its page, or the page a broken link names. */
    long page(int i) {
        return nodes[i] != null ? nodes[i].page() : links[i].page();
    }

    int parent(int i) {
        return parent[i];
    }

    int depth(int i) {
        return depth[i];
    }

    /** One past the last item of {@code i}'s subtree. */
    int end(int i) {
        return end[i];
    }

    boolean hasChildren(int i) {
        return end[i] > i + 1;
    }

    /** The item of a page shown as a node, -1 if the page is not in this tree. */
    int itemOf(long page) {
        Integer i = itemOfPage.get(page);
        return i == null ? -1 : i;
    }

    /** The children of {@code i}, in key order. */
    int[] children(int i) {
        int count = 0;
        for (int c = i + 1; c < end[i]; c = end[c]) {
            count++;
        }
        int[] kids = new int[count];
        int k = 0;
        for (int c = i + 1; c < end[i]; c = end[c]) {
            kids[k++] = c;
        }
        return kids;
    }

    /** Pages (nodes) below {@code i}. */
    int pagesBelow(int i) {
        return nodesBefore[end[i]] - nodesBefore[i + 1];
    }

    /** Broken links below {@code i}: those of its subtree's child pointers, its own included. */
    int brokenBelow(int i) {
        return brokenBefore[end[i]] - brokenBefore[i + 1];
    }

    /** Pages with problems below {@code i} (not counting {@code i}). */
    int problemPagesBelow(int i) {
        return problemsBefore[end[i]] - problemsBefore[i + 1];
    }

    /** The broken links below {@code i}, in tree order (at most {@code limit}). */
    List<TreeLink> brokenLinksBelow(int i, int limit) {
        List<TreeLink> out = new ArrayList<>();
        for (int j = i + 1; j < end[i] && out.size() < limit; j++) {
            if (links[j] != null && links[j].state().broken()) {
                out.add(links[j]);
            }
        }
        return out;
    }

    /**
     * The collapse state a large tree opens with: the shallowest levels are shown as long as they hold at most
     * {@code maxShown} items together, and the nodes of the deepest level shown that have children are collapsed.
     * A tree of at most {@code maxShown} items opens fully expanded. The root is always shown.
     */
    BitSet defaultCollapsed(int maxShown) {
        BitSet collapsed = new BitSet(size());
        if (size() <= maxShown || size() == 0) {
            return collapsed;
        }
        int levels = 1;
        long shown = itemsAtDepth[0];
        while (levels < itemsAtDepth.length && shown + itemsAtDepth[levels] <= maxShown) {
            shown += itemsAtDepth[levels];
            levels++;
        }
        for (int i = 0; i < size(); i++) {
            if (depth[i] == levels - 1 && hasChildren(i)) {
                collapsed.set(i);
            }
        }
        return collapsed;
    }

    /** Items shown with this collapse state: the items no collapsed ancestor hides. */
    int shownCount(BitSet collapsed) {
        int count = 0;
        for (int i = 0; i < size(); ) {
            count++;
            i = collapsed.get(i) ? end[i] : i + 1;
        }
        return count;
    }

    /** Whether a collapsed ancestor hides {@code i}. */
    boolean hidden(int i, BitSet collapsed) {
        for (int p = parent[i]; p >= 0; p = parent[p]) {
            if (collapsed.get(p)) {
                return true;
            }
        }
        return false;
    }

    /** The nearest item at or above {@code i} that no collapsed ancestor hides. */
    int shownAncestor(int i, BitSet collapsed) {
        int at = i;
        for (int p = parent[i]; p >= 0; p = parent[p]) {
            if (collapsed.get(p)) {
                at = p;
            }
        }
        return at;
    }
}
