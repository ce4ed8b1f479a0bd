package dev.loupe.gui;

import dev.loupe.format.treeview.LinkState;
import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.format.treeview.TreeView;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A b-tree as Graphviz DOT text, as the b-tree view draws it: one box per page (page number, kind, cell count, key
 * range, fill), an edge per child pointer, broken links as red dashed edges to a red "✕ page N" box. Written here
 * rather than shared with the CLI: the GUI does not depend on the CLI.
 */
final class TreeDot {

    private TreeDot() {
    }

    static String of(String name, TreeView view) {
        StringBuilder out = new StringBuilder();
        out.append("digraph ").append(quote(name)).append(" {\n");
        out.append("  graph [rankdir=TB, label=").append(quote("b-tree of " + name + ", root page " + view.rootPage()))
                .append(", labelloc=t];\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n");
        out.append("  edge [color=\"#808080\"];\n");
        if (view.root() != null) {
            node(view.root(), out, new HashSet<>());
        } else {
            out.append("  root [label=").append(quote("root page " + view.rootPage() + " cannot be shown"))
                    .append(", color=\"#d62728\", fillcolor=\"#fde0e0\"];\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static void node(TreeNode n, StringBuilder out, Set<Long> seen) {
        if (!seen.add(n.page())) {
            return;
        }
        String label = "page " + n.page() + "\n" + n.type().label() + " · " + Plural.of(n.cellCount(), "cell")
                + "\n" + (TreeDiagram.keyRange(n) + "  " + String.format(Locale.ROOT, "%.0f%%", n.fillPercent()))
                .trim();
        if (n.hiddenPages() > 0) {
            label += "\n+" + n.hiddenPages() + " pages below";
        }
        String fill = "#" + Colors.of(TreeDiagram.kindOf(n)).deriveColor(0, 0.45, 1.15, 1).toString().substring(2, 8);
        out.append("  p").append(n.page()).append(" [label=").append(quote(label)).append(", fillcolor=\"")
                .append(fill).append('"').append(n.problems().isEmpty() ? "" : ", color=\"#d62728\", penwidth=2")
                .append("];\n");
        for (TreeLink l : n.children()) {
            String target;
            if (l.node() != null) {
                target = "p" + l.node().page();
            } else {
                target = "x" + n.page() + "_" + l.childIndex();
                out.append("  ").append(target).append(" [label=").append(quote("✕ page " + l.page() + "\n"
                        + l.state().label() + "\npointer at offset " + l.pointer().offset()))
                        .append(", color=\"#d62728\", fillcolor=\"#fde0e0\", style=\"rounded,filled,dashed\"];\n");
            }
            out.append("  p").append(n.page()).append(" -> ").append(target);
            if (l.state() != LinkState.OK) {
                out.append(" [color=\"#d62728\", style=dashed, penwidth=2, tooltip=")
                        .append(quote(l.state().label() + ": " + l.message())).append(']');
            }
            out.append(";\n");
            if (l.node() != null) {
                node(l.node(), out, seen);
            }
        }
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
