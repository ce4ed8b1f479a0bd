package dev.loupe.wal;

import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;

/**
 * The pages one b-tree claims: its interior and leaf pages and the overflow pages of its cells (fileformat2 §1.6).
 * Every page number the tree refers to is recorded, even one beyond the database's end, so that a later commit
 * that writes such a page is seen to concern this tree. Walked with a visited set and at most one visit per page.
 */
final class TreePages {

    private TreePages() {
    }

    /** Adds the pages of the tree rooted at {@code root} to {@code into}. */
    static void collect(PageSource pages, int usableSize, long root, BitSet into) throws IOException {
        long count = pages.pageCount();
        PayloadReader payloads = new PayloadReader(pages, usableSize);
        BitSet visited = new BitSet();
        Deque<Long> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            long pgno = todo.pop();
            if (!record(pgno, into) || visited.get((int) pgno)) {
                continue;
            }
            visited.set((int) pgno);
            if (pgno > count) {
                continue;
            }
            byte[] data = pages.read(pgno);
            if (data == null) {
                continue;
            }
            BTreePage page = BTreePage.decode(pgno, data, usableSize);
            if (page.type() == null) {
                continue;
            }
            int n = page.cellCount();
            for (int i = 0; i < n; i++) {
                if (!page.cellPointerValid(i)) {
                    continue;
                }
                Cell cell = page.cell(i);
                if (cell instanceof PayloadCell pc && pc.payload().overflows()) {
                    for (long o : payloads.overflowChain(pc.payload(), new ArrayList<>())) {
                        record(o, into);
                    }
                    record(pc.payload().firstOverflow(), into);
                }
            }
            if (!page.type().isLeaf()) {
                for (int i = 0; i <= n; i++) {
                    long child = i < n && !page.cellPointerValid(i) ? 0 : page.child(i);
                    if (child != 0) {
                        todo.push(child);
                    }
                }
            }
        }
    }

    /** Records a page number that fits a bit set; false for 0 and numbers beyond it. */
    private static boolean record(long pgno, BitSet into) {
        if (pgno <= 0 || pgno > Integer.MAX_VALUE - 1) {
            return false;
        }
        into.set((int) pgno);
        return true;
    }
}
