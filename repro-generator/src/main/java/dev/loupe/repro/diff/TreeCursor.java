package dev.loupe.repro.diff;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.IndexInteriorCell;
import dev.loupe.format.btree.IndexLeafCell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The entries of one b-tree in key order, pulled one at a time so that two trees can be read side by side
 * (fileformat2 §1.6): the leaf cells of a table b-tree; every cell of an index b-tree, an interior one after its left
 * subtree. Memory is one page per level. Like {@link BTreeWalker}: a page is entered once (a second reference is
 * not followed), at most {@link BTreeWalker#MAX_DEPTH} levels deep; a child out of range, an unreadable page or a
 * page that is not a b-tree page is skipped (the checker reports it), and every page entered is told to a
 * {@link TreeShape}.
 */
final class TreeCursor {

    /** A cell holding an entry, and its page. */
    record Entry(BTreePage page, PayloadCell cell) {
        /** The rowid of a table b-tree entry. */
        long rowid() {
            return ((TableLeafCell) cell).rowid();
        }
    }

    private static final class Frame {
        final BTreePage page;
        final int depth;
        int index;
        boolean descended;

        Frame(BTreePage page, int depth) {
            this.page = page;
            this.depth = depth;
        }
    }

    private final PageSource pages;
    private final int usableSize;
    private final boolean tableTree;
    private final TreeShape shape;
    private final PageSet visited = new PageSet();
    private final Deque<Frame> stack = new ArrayDeque<>();

    /**
     * @param tableTree true for a table b-tree (rowid table), false for an index or WITHOUT ROWID b-tree
     */
    TreeCursor(PageSource pages, int usableSize, long root, boolean tableTree, TreeShape shape) throws IOException {
        this.pages = pages;
        this.usableSize = usableSize;
        this.tableTree = tableTree;
        this.shape = shape;
        enter(root, 0);
    }

    /** The next entry in key order, or null after the last. */
    Entry next() throws IOException {
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            int n = f.page.cellCount();
            if (f.page.type().isLeaf()) {
                if (f.index >= n) {
                    stack.pop();
                    continue;
                }
                Entry e = entry(f.page, f.page.cell(f.index++));
                if (e != null) {
                    return e;
                }
                continue;
            }
            if (f.index > n) {
                stack.pop();
                continue;
            }
            if (!f.descended) {
                // the left child of cell i (the right child after the last cell) comes before the cell itself
                f.descended = true;
                enter(f.index == n ? f.page.header().rightChild() : leftChild(f.page.cell(f.index)), f.depth + 1);
                continue;
            }
            int i = f.index++;
            f.descended = false;
            if (i < n) {
                Entry e = entry(f.page, f.page.cell(i));
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    private static long leftChild(Cell c) {
        return c instanceof InteriorCell ic ? ic.leftChild() : 0;
    }

    private Entry entry(BTreePage page, Cell c) {
        if (tableTree ? c instanceof TableLeafCell : c instanceof IndexLeafCell || c instanceof IndexInteriorCell) {
            return new Entry(page, (PayloadCell) c);
        }
        return null;
    }

    private void enter(long pgno, int depth) throws IOException {
        if (pgno < 1 || pgno > pages.pageCount() || depth >= BTreeWalker.MAX_DEPTH || !visited.add(pgno)) {
            shape.skipped();
            return;
        }
        byte[] data = pages.read(pgno);
        if (data == null) {
            shape.skipped();
            return;
        }
        BTreePage page = BTreePage.decode(pgno, data, usableSize);
        PageType type = page.type();
        if (type == null) {
            shape.skipped();
            return;
        }
        shape.page(page, depth);
        stack.push(new Frame(page, depth));
    }
}
