package dev.loupe.format.btree;

import dev.loupe.format.page.PageSet;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Walks a b-tree from its root in key order. Cycle-safe (a page is entered once per walk: a second reference is a
 * problem and is not followed), depth-bounded, and tolerant: a bad child pointer or an unreadable page is reported
 * and skipped, and the rest of the tree is still read.
 */
public final class BTreeWalker {

    /**
     * Deepest tree walked. SQLite's cursors stop at 20 levels (BTCURSOR_MAX_DEPTH); real trees are far shallower,
     * so anything deeper is reported as it is reached.
     */
    public static final int MAX_DEPTH = 20;

    private final PageSource pages;
    private final int usableSize;
    /** Per tree level, two page buffers used in turn (see {@link #reusingPageBuffers()}); null: a fresh copy per page. */
    private byte[][][] buffers;
    private int[] turn;

    public BTreeWalker(PageSource pages, int usableSize) {
        this.pages = pages;
        this.usableSize = usableSize;
    }

    /**
     * Makes this walker read pages into buffers of its own instead of a fresh copy per page: two per tree level,
     * used in turn. A visitor may then rely on a page's bytes only until the walk reads the second page after it at
     * the same level: the page before the current one at each level is intact, and so is every page on the path
     * above. That is enough to keep the cell before the current one (an in-order walk's previous key), and it saves
     * a page-sized allocation per page on walks through millions of cells.
     */
    public BTreeWalker reusingPageBuffers() {
        buffers = new byte[MAX_DEPTH][2][];
        turn = new int[MAX_DEPTH];
        return this;
    }

    /** Walks the tree rooted at {@code root}, with a fresh visited set. */
    public void walk(long root, TreeVisitor visitor) throws IOException {
        walk(root, visitor, new PageSet());
    }

    /** Walks the tree rooted at {@code root}; pages already in {@code visited} are reported as second references. */
    public void walk(long root, TreeVisitor visitor, PageSet visited) throws IOException {
        List<PathStep> path = new ArrayList<>();
        visit(root, null, null, path, visited, visitor);
    }

    /**
     * Walks the subtree below {@code pgno} as {@link #walk(long, TreeVisitor, PageSet)} walks it when it gets there:
     * {@code prefix} is the path from the tree's root to the cell that points to {@code pgno}, {@code expected} the
     * root's page type (the kind every page below it must be) and {@code from} the child pointer's bytes. For a
     * walk split across threads into subtrees (each with its own visited set, which the caller compares).
     */
    public void walkSubtree(long pgno, PageType expected, Span from, List<PathStep> prefix, PageSet visited,
                            TreeVisitor visitor) throws IOException {
        visit(pgno, expected, from, new ArrayList<>(prefix), visited, visitor);
    }

    /** Reads {@code pgno} into the next of the two buffers of tree level {@code level}; null when out of range. */
    private byte[] readIntoBuffer(long pgno, int level) throws IOException {
        int k = turn[level] ^= 1;
        byte[] b = buffers[level][k];
        if (b == null) {
            b = buffers[level][k] = new byte[pages.pageSize()];
        }
        return pages.readInto(pgno, b) ? b : null;
    }

    private void visit(long pgno, PageType expected, Span from, List<PathStep> path, PageSet visited,
                       TreeVisitor v) throws IOException {
        // A root comes from sqlite_schema, whose rootpage column can hold any 64-bit value: a span names a u32 page.
        Span ref = from == null ? Span.inPage(pgno >= 1 && pgno <= 0xffffffffL ? pgno : 1, 0, 0) : from;
        if (pgno < 1 || pgno > pages.pageCount()) {
            v.problem(new Problem(ProblemKind.CHILD_POINTER, ref, (from == null ? "root page " : "child page ")
                    + pgno + " is out of range 1.." + pages.pageCount()));
            return;
        }
        if (!visited.add(pgno)) {
            v.problem(new Problem(ProblemKind.TREE_LOOP, ref, "2nd reference to page " + pgno
                    + (from == null ? "" : " (from page " + from.page() + ")") + ": not followed"));
            return;
        }
        if (path.size() >= MAX_DEPTH) {
            v.problem(new Problem(ProblemKind.TREE_DEPTH, ref, "tree deeper than " + MAX_DEPTH
                    + " levels at page " + pgno + ": not followed"));
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            // Ctrl-C in the shell: a long walk stops at the next page instead of running to the end.
            throw new InterruptedIOException("b-tree walk interrupted at page " + pgno);
        }
        byte[] data = buffers == null ? pages.read(pgno) : readIntoBuffer(pgno, path.size());
        if (data == null) {
            v.problem(new Problem(ProblemKind.PAGE_UNREADABLE, ref, "page " + pgno + " cannot be read"));
            return;
        }
        BTreePage page = BTreePage.decode(pgno, data, usableSize);
        for (Problem p : page.problems()) {
            v.problem(p);
        }
        PageType type = page.type();
        if (type == null) {
            return;
        }
        if (expected != null && type.isTable() != expected.isTable()) {
            v.problem(new Problem(ProblemKind.TREE_PAGE_KIND, Span.inPage(pgno, page.header().offset(), 1), "page "
                    + pgno + " is a " + type.label() + " page inside a " + (expected.isTable() ? "table" : "index")
                    + " b-tree"));
        }
        if (!v.page(page, Collections.unmodifiableList(path), path.size())) {
            return;
        }
        int n = page.cellCount();
        if (type.isLeaf() && v instanceof LeafCellScan scan) {
            scan.leafCells(page, path);
            return;
        }
        PageType childKind = expected != null ? expected : type;
        for (int i = 0; i < n && !v.stop(); i++) {
            Cell cell = page.cell(i);
            if (cell == null) {
                continue;
            }
            for (Problem p : cell.problems()) {
                v.problem(p);
            }
            if (cell instanceof InteriorCell ic) {
                path.add(new PathStep(pgno, i));
                visit(ic.leftChild(), childKind, ic.leftChildSpan(), path, visited, v);
                path.remove(path.size() - 1);
            }
            path.add(new PathStep(pgno, i));
            v.cell(page, cell, path);
            path.remove(path.size() - 1);
        }
        if (!type.isLeaf() && !v.stop()) {
            path.add(new PathStep(pgno, n));
            visit(page.header().rightChild(), childKind, page.rightChildSpan(), path, visited, v);
            path.remove(path.size() - 1);
        }
    }
}
