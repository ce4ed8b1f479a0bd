package dev.loupe.gui;

import dev.loupe.format.layout.ValueText;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.record.Value;
import dev.loupe.format.treeview.TreeNode;

import java.util.List;
import java.util.Locale;

/** What the b-tree view says about a page: its kind's colour key, its key range, its tooltip. */
final class NodeText {

    private NodeText() {
    }

    static PageKind kindOf(TreeNode n) {
        return switch (n.type()) {
            case TABLE_INTERIOR -> PageKind.TABLE_INTERIOR;
            case TABLE_LEAF -> PageKind.TABLE_LEAF;
            case INDEX_INTERIOR -> PageKind.INDEX_INTERIOR;
            case INDEX_LEAF -> PageKind.INDEX_LEAF;
        };
    }

    /** "rowids 1..40" or "keys 'a'..'m'" (shortened to fit the box). */
    static String keyRange(TreeNode n) {
        if (n.type().isTable()) {
            if (n.firstRowid() == null) {
                return "";
            }
            return (n.type().isLeaf() ? "rowids " : "dividers ") + n.firstRowid()
                    + (n.lastRowid().equals(n.firstRowid()) ? "" : ".." + n.lastRowid());
        }
        if (n.firstKey() == null || n.firstKey().isEmpty()) {
            return "";
        }
        return "keys " + first(n.firstKey()) + ".." + first(n.lastKey());
    }

    private static String first(List<Value> key) {
        return key == null || key.isEmpty() ? "?" : ValueText.brief(key.get(0), 8);
    }

    /** The tooltip of an item: the page, its cells, keys, fill and problems, what a collapsed node hides. */
    static String describe(TreeLayout layout, int i) {
        TreeShape shape = layout.shape();
        if (!shape.isNode(i)) {
            return shape.link(i).state().label() + ": " + shape.link(i).message();
        }
        TreeNode n = shape.node(i);
        StringBuilder s = new StringBuilder();
        s.append("page ").append(n.page()).append(": ").append(n.type().label()).append(", ")
                .append(Plural.of(n.cellCount(), "cell")).append(", ")
                .append(String.format(Locale.ROOT, "%.0f%% full", n.fillPercent()));
        String keys = keyRange(n);
        if (!keys.isEmpty()) {
            s.append("\n").append(keys);
        }
        n.problems().stream().limit(8).forEach(p -> s.append("\n").append(p.kind().code()).append(": ")
                .append(p.message()));
        if (layout.isCollapsed(i) && shape.hasChildren(i)) {
            s.append("\ncollapsed: ").append(Plural.of(shape.pagesBelow(i), "page")).append(" below, ")
                    .append(Plural.of(shape.brokenBelow(i), "broken link")).append(", ")
                    .append(Plural.of(shape.problemPagesBelow(i), "page")).append(" with problems");
        }
        return s.toString();
    }
}
