package dev.loupe.wal;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One page as a walk of its b-tree uses it ({@link dev.loupe.format.btree.BTreeWalker} with
 * {@link dev.loupe.format.btree.TreeCensus}'s visitor): its type, and in walk order what it leads to, cell by cell
 * the left child of an interior cell and then the overflow pages of the cell's payload, and last the right child.
 * Decoded once and kept while neither the page nor an overflow page of its cells changes, so a walk of a tree that
 * a commit touched decodes only the pages the commit wrote.
 *
 * @param type          the b-tree page type, null when the page is not one
 * @param unreadable    not a b-tree page, for the reason PageMap calls UNREADABLE (its type byte)
 * @param steps         in walk order: a child page {@code p} as {@code p << 1}, an overflow page as
 *                      {@code p << 1 | 1}
 * @param overflowPages the overflow pages read (those among the steps)
 * @param sizeDependent an overflow chain met a problem (a page out of range, an early end) that a change of the
 *                      database size can change
 * @param clean         decoding met no problem
 */
record PageNode(PageType type, boolean unreadable, long[] steps, long[] overflowPages, boolean sizeDependent,
                boolean clean) {

    /** Whether a walk that meets {@code o} instead of this goes exactly the same way and gives the same kinds. */
    boolean sameWalk(PageNode o) {
        return type == o.type && unreadable == o.unreadable && clean == o.clean && sizeDependent == o.sizeDependent
                && Arrays.equals(steps, o.steps);
    }

    static PageNode decode(long pgno, byte[] data, PageSource view, int usableSize) throws IOException {
        BTreePage page = BTreePage.decode(pgno, data, usableSize);
        boolean clean = page.problems().isEmpty();
        PageType type = page.type();
        if (type == null) {
            boolean unreadable = page.problems().stream().anyMatch(p -> p.kind() == ProblemKind.PAGE_TYPE);
            return new PageNode(null, unreadable, new long[0], new long[0], false, clean);
        }
        PayloadReader payloads = new PayloadReader(view, usableSize);
        List<Problem> chainProblems = new ArrayList<>();
        long[] steps = new long[page.cellCount() + 1];
        int n = 0;
        long[] overflow = new long[0];
        int overflowCount = 0;
        for (int i = 0; i < page.cellCount(); i++) {
            Cell cell = page.cell(i);
            if (cell == null) {
                continue;
            }
            clean &= cell.problems().isEmpty();
            if (cell instanceof InteriorCell ic) {
                steps = room(steps, n + 1);
                steps[n++] = ic.leftChild() << 1;
            }
            if (cell instanceof PayloadCell pc && pc.payload().overflows()) {
                long[] chain = payloads.overflowChain(pc.payload(), chainProblems);
                steps = room(steps, n + chain.length);
                overflow = room(overflow, overflowCount + chain.length);
                for (long o : chain) {
                    steps[n++] = o << 1 | 1;
                    overflow[overflowCount++] = o;
                }
            }
        }
        if (!type.isLeaf()) {
            steps = room(steps, n + 1);
            steps[n++] = page.header().rightChild() << 1;
        }
        return new PageNode(type, false, Arrays.copyOf(steps, n), Arrays.copyOf(overflow, overflowCount),
                !chainProblems.isEmpty(), clean && chainProblems.isEmpty());
    }

    private static long[] room(long[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, 2 * a.length));
    }
}
