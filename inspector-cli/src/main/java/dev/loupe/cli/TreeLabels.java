package dev.loupe.cli;

import dev.loupe.format.treeview.TreeNode;

import java.util.Locale;

/** The words a tree node is described with, shared by the text and DOT views. */
final class TreeLabels {

    private TreeLabels() {
    }

    /** "rowids 1..40", "keys 'a'..'m'", or "" when the page has no readable cell. */
    static String keyRange(TreeNode n) {
        if (n.type().isTable()) {
            if (n.firstRowid() == null) {
                return "";
            }
            return (n.type().isLeaf() ? "rowids " : "dividers ") + n.firstRowid()
                    + (n.lastRowid().equals(n.firstRowid()) ? "" : ".." + n.lastRowid());
        }
        if (n.firstKey() == null) {
            return "";
        }
        String first = KeyText.key(n.firstKey());
        String last = KeyText.key(n.lastKey());
        return "keys " + first + (first.equals(last) ? "" : " .. " + last);
    }

    static String fill(TreeNode n) {
        return String.format(Locale.ROOT, "%.0f%%", n.fillPercent());
    }

    static String cells(int n) {
        return n + (n == 1 ? " cell" : " cells");
    }

    static String pages(long n) {
        return n + (n == 1 ? " page" : " pages");
    }
}
