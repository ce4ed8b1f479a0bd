package dev.loupe.cli;

import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.format.treeview.TreeView;

/**
 * A b-tree view as Graphviz DOT text: one box per page (number, kind, cells, fill, key range), edges parent ->
 * child labelled with the child index, and broken links as red dashed edges to a red node naming what is wrong.
 */
final class TreeDot {

    private final StringBuilder sb = new StringBuilder();

    static String of(BTreeTarget target, TreeView view) {
        TreeDot d = new TreeDot();
        d.sb.append("digraph ").append(quote(target.type() + " " + target.name())).append(" {\n");
        // Left to right: an interior page has up to hundreds of children, which stack down the page in key order
        // (ordering=out keeps child 0 on top) instead of making an image thousands of pixels wide.
        d.sb.append("  graph [rankdir=LR, ordering=out, nodesep=0.15, ranksep=0.6, label=")
                .append(quote(target.type() + " " + target.name() + " (root page " + view.rootPage() + ")"))
                .append(", labelloc=t];\n");
        d.sb.append("  node [shape=box, fontname=\"monospace\", fontsize=10];\n");
        d.sb.append("  edge [fontsize=9];\n");
        if (view.root() == null) {
            d.sb.append("  broken_root [label=").append(quote("page " + view.rootPage() + "\nnot a b-tree page"))
                    .append(", color=red, fontcolor=red];\n");
        } else {
            d.node(view.root());
        }
        d.sb.append("}\n");
        return d.sb.toString();
    }

    private void node(TreeNode n) {
        String label = "page " + n.page() + "\n" + n.type().label() + ", " + TreeLabels.cells(n.cellCount())
                + "\nfill " + TreeLabels.fill(n);
        String range = TreeLabels.keyRange(n);
        if (!range.isEmpty()) {
            label += "\n" + range;
        }
        sb.append("  p").append(n.page()).append(" [label=").append(quote(label));
        if (!n.problems().isEmpty()) {
            sb.append(", color=red");
        }
        sb.append("];\n");
        for (TreeLink l : n.children()) {
            if (l.node() != null) {
                node(l.node());
                sb.append("  p").append(n.page()).append(" -> p").append(l.page()).append(" [label=")
                        .append(quote(Integer.toString(l.childIndex())));
                if (l.state().broken()) {
                    sb.append(", color=red, style=dashed");
                }
                sb.append("];\n");
            } else {
                String id = "broken_" + n.page() + "_" + l.childIndex();
                sb.append("  ").append(id).append(" [label=").append(quote("page " + l.page() + "\n"
                        + l.state().label())).append(", color=red, fontcolor=red, tooltip=")
                        .append(quote(l.message())).append("];\n");
                sb.append("  p").append(n.page()).append(" -> ").append(id).append(" [label=")
                        .append(quote(Integer.toString(l.childIndex()))).append(", color=red, style=dashed];\n");
            }
        }
        if (n.hiddenPages() > 0) {
            String id = "more_" + n.page();
            sb.append("  ").append(id).append(" [label=").append(quote("... " + n.hiddenPages() + " more pages"))
                    .append(", shape=plaintext];\n");
            sb.append("  p").append(n.page()).append(" -> ").append(id).append(" [style=dotted];\n");
        }
    }

    /** A DOT quoted string: backslash and double quote escaped, newlines as \n (centred lines). */
    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
