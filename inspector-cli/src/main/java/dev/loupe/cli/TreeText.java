package dev.loupe.cli;

import dev.loupe.format.Problem;
import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.format.treeview.TreeView;

import java.io.PrintWriter;
import java.util.List;

/** A b-tree view as an indented tree of pages, one line per page, broken links marked BROKEN. */
final class TreeText {

    private final PrintWriter out;
    private final Style style;

    TreeText(PrintWriter out, Style style) {
        this.out = out;
        this.style = style;
    }

    void write(BTreeTarget target, TreeView view) {
        out.println(style.heading(String.format("%s %s: root page %d, %s shown of %d walked", target.type(),
                target.name(), view.rootPage(), TreeLabels.pages(view.shownPages()), view.walkedPages())));
        if (view.root() == null) {
            out.println(style.error("The root page cannot be shown as a b-tree page."));
        } else {
            node(view.root(), "", "", null);
        }
        if (!view.problems().isEmpty()) {
            out.println();
            out.printf("%s   %d%n", style.heading("Problems"), view.problems().size());
            for (Problem p : view.problems()) {
                out.println(ProblemText.line(p, style));
            }
        }
    }

    private void node(TreeNode n, String first, String rest, TreeLink via) {
        String line = String.format("%spage %-6d %-15s %-10s fill %4s  %s", first, n.page(), n.type().label(),
                TreeLabels.cells(n.cellCount()), TreeLabels.fill(n), TreeLabels.keyRange(n)).stripTrailing();
        if (via != null && via.state().broken()) {
            line += "  " + style.error("BROKEN " + via.state().label() + ": " + via.message());
        }
        out.println(line);
        String childRest = rest;
        for (Problem p : n.problems()) {
            out.printf("%s%s  %s%n", rest, n.children().isEmpty() && n.hiddenPages() == 0 ? "  " : "│ ",
                    style.problem(p.kind(), "! " + p.kind().code() + ": " + p.message()));
        }
        List<TreeLink> links = n.children();
        for (int i = 0; i < links.size(); i++) {
            boolean last = i == links.size() - 1 && n.hiddenPages() == 0;
            TreeLink l = links.get(i);
            String f = childRest + (last ? "└─ " : "├─ ");
            String r = childRest + (last ? "   " : "│  ");
            if (l.node() != null) {
                node(l.node(), f, r, l);
            } else {
                out.printf("%spage %-6d %s%n", f, l.page(), style.error("BROKEN " + l.state().label() + ": "
                        + l.message()));
            }
        }
        if (n.hiddenPages() > 0) {
            out.printf("%s└─ %s%n", childRest, style.dim(String.format("... %d more %s", n.hiddenPages(),
                    n.hiddenPages() == 1 ? "page" : "pages")));
        }
    }
}
