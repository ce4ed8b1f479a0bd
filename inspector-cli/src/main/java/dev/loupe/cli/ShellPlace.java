package dev.loupe.cli;

import dev.loupe.format.Database;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.TreeCensus;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageMap;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where the shell stands: the current page and cell, the pages visited before ({@code back}) and the interior pages
 * walked down through ({@code up}). Moves answer the page to show next, or throw a one-line {@link UserError}.
 */
final class ShellPlace {

    private long page;
    private int cell = -1;
    private final Deque<Long> visited = new ArrayDeque<>();
    private final Deque<Long> downPath = new ArrayDeque<>();

    long page() {
        return page;
    }

    int cell() {
        return cell;
    }

    /** Moves to a page chosen by number: the way down is forgotten. */
    void jump(long to) {
        move(to);
        downPath.clear();
    }

    void selectCell(int index) {
        cell = index;
    }

    /** Child {@code i} of the current interior page: the left child of cell i, the right child when i == cells. */
    long child(Database db, int i) throws IOException {
        BTreePage p = current(db);
        if (p.type() == null || p.type().isLeaf()) {
            throw new UserError(ExitCode.USAGE, "page " + page + " is not an interior b-tree page");
        }
        if (i < 0 || i > p.cellCount()) {
            throw new UserError(ExitCode.USAGE, "child " + i + " out of range: page " + page + " has children 0 to "
                    + p.cellCount() + " (" + p.cellCount() + " = the right child)");
        }
        long child = p.child(i);
        if (child < 1 || child > db.pageCount()) {
            throw new UserError(ExitCode.USAGE, "child " + i + " of page " + page + " points to page " + child
                    + ", outside the file (1 to " + db.pageCount() + ")");
        }
        long from = page;
        move(child);
        downPath.push(from);
        return child;
    }

    /** The parent: the page we came down from, else the interior page of the same tree that points here. */
    long up(Database db, PageMap map) throws IOException {
        if (!downPath.isEmpty()) {
            long parent = downPath.pop();
            move(parent);
            return parent;
        }
        TreeCensus tree = tree(map);
        for (int k = 0; k < tree.pages().length; k++) {
            if (PageType.values()[tree.pageTypes()[k]].isLeaf()) {
                continue;
            }
            BTreePage p = BTreePage.decode(tree.pages()[k], db.pages().read(tree.pages()[k]), db.usableSize());
            for (int i = 0; i <= p.cellCount(); i++) {
                if (p.child(i) == page) {
                    move(p.number());
                    return p.number();
                }
            }
        }
        throw new UserError(ExitCode.USAGE, "page " + page + " has no parent (it is the root of its tree)");
    }

    /** The next ({@code step} 1) or previous ({@code step} -1) leaf of the current leaf's tree, in key order. */
    long sibling(PageMap map, int step) {
        TreeCensus tree = tree(map);
        long[] pages = tree.pages();
        int at = -1;
        for (int k = 0; k < pages.length; k++) {
            if (pages[k] == page) {
                at = k;
            }
        }
        if (at < 0 || !PageType.values()[tree.pageTypes()[at]].isLeaf()) {
            throw new UserError(ExitCode.USAGE, "page " + page + " is not a leaf page; next/prev move between leaves");
        }
        // Census pages are in walk order, which visits leaves in key order.
        for (int k = at + step; k >= 0 && k < pages.length; k += step) {
            if (PageType.values()[tree.pageTypes()[k]].isLeaf()) {
                move(pages[k]);
                downPath.clear();
                return pages[k];
            }
        }
        throw new UserError(ExitCode.USAGE, "page " + page + " is the " + (step > 0 ? "last" : "first")
                + " leaf of its tree");
    }

    /** The page shown before this one. */
    long back() {
        if (visited.isEmpty()) {
            throw new UserError(ExitCode.USAGE, "no previous page");
        }
        page = visited.pop();
        cell = -1;
        downPath.clear();
        return page;
    }

    private void move(long to) {
        if (page != 0 && page != to) {
            visited.push(page);
        }
        page = to;
        cell = -1;
    }

    private BTreePage current(Database db) throws IOException {
        if (page == 0) {
            throw new UserError(ExitCode.USAGE, "no current page: choose one with 'page N'");
        }
        return BTreePage.decode(page, db.pages().read(page), db.usableSize());
    }

    private TreeCensus tree(PageMap map) {
        if (page == 0) {
            throw new UserError(ExitCode.USAGE, "no current page: choose one with 'page N'");
        }
        ObjectPages owner = map.owner(page);
        if (owner == null || owner.census() == null) {
            throw new UserError(ExitCode.USAGE, "page " + page + " is not in a b-tree");
        }
        return owner.census();
    }
}
