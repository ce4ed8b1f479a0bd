package dev.loupe.gui;

import dev.loupe.format.treeview.LinkState;
import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.format.treeview.TreeView;

import java.util.BitSet;
import java.util.Locale;

/**
 * A b-tree as Graphviz DOT text, as the b-tree view draws it: one box per page shown (page number, kind, cell count,
 * key range, fill), an edge per child pointer, broken links as red dashed edges to a red "✕ page N" box. A collapsed
 * node is one box that counts the pages it hides (red when broken links or damaged pages are among them), so the
 * export of a 100,000-page tree is what the screen shows, not a graph Graphviz would take minutes over. Written here
 * rather than shared with the CLI: the GUI does not depend on the CLI.
 */
final class TreeDot {

    private TreeDot() {
    }

    /** The whole tree, every node expanded. */
    static String of(String name, TreeView view) {
        TreeShape shape = TreeShape.of(view);
        return of(name, TreeLayout.of(shape, new BitSet()));
    }

    /** The tree as laid out: the nodes shown, collapsed ones as single boxes. */
    static String of(String name, TreeLayout layout) {
        TreeShape shape = layout.shape();
        TreeView view = shape.view();
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(name)).append(" {\n");
        out.append("  graph [rankdir=TB, label=").append(quote("b-tree of " + name + ", root page " + view.rootPage()))
                .append(", labelloc=t];\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [color=\"#808080\"];\n");
        if (view.root() == null) {
            out.append("  root [label=").append(quote("root page " + view.rootPage() + " cannot be shown"))
                    .append(", color=\"#d62728\", fillcolor=\"#fde0e0\"];\n");
        }
        for (int i : layout.shown()) {
            if (shape.isNode(i)) {
                node(shape, layout, i, out);
            }
            TreeLink l = shape.link(i);
            if (l == null) {
                continue;
            }
            long parent = shape.page(shape.parent(i));
            String target;
            if (shape.isNode(i)) {
                target = "p" + shape.page(i);
            } else {
                target = "x" + parent + "_" + l.childIndex();
                out.append("  ").append(target).append(" [label=").append(quote("✕ page " + l.page() + "\n"
                        + l.state().label() + "\npointer at offset " + l.pointer().offset()))
                        .append(", color=\"#d62728\", fillcolor=\"#fde0e0\", style=\"rounded,filled,dashed\"];\n");
            }
            out.append("  p").append(parent).append(" -> ").append(target);
            if (l.state() != LinkState.OK) {
                out.append(" [color=\"#d62728\", style=dashed, penwidth=2, tooltip=")
                        .append(quote(l.state().label() + ": " + l.message())).append(']');
            }
            out.append(";\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static void node(TreeShape shape, TreeLayout layout, int i, StringBuilder out) {
        TreeNode n = shape.node(i);
        String label = "page " + n.page() + "\n" + n.type().label() + " · " + Plural.of(n.cellCount(), "cell")
                + "\n" + (NodeText.keyRange(n) + "  " + String.format(Locale.ROOT, "%.0f%%", n.fillPercent()))
                .trim();
        boolean collapsed = layout.isCollapsed(i) && shape.hasChildren(i);
        boolean hidesDamage = collapsed && (shape.brokenBelow(i) > 0 || shape.problemPagesBelow(i) > 0);
        if (collapsed) {
            label += "\n" + TreePainter.hiddenText(shape, i) + " (collapsed)";
        }
        String fill = "#" + Colors.of(NodeText.kindOf(n)).deriveColor(0, 0.45, 1.15, 1).toString().substring(2, 8);
        out.append("  p").append(n.page()).append(" [label=").append(quote(label)).append(", fillcolor=\"")
                .append(fill).append('"')
                .append(n.problems().isEmpty() && !hidesDamage ? "" : ", color=\"#d62728\", penwidth=2")
                .append(collapsed ? ", peripheries=2" : "")
                .append("];\n");
    }

    /** A DOT quoted string: backslash and quote escaped, newlines as \n (centred lines). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
