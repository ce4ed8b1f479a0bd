package dev.loupe.format.btree;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows a payload's overflow chain (fileformat2 §1.6: each overflow page starts with the u32 number of the next,
 * 0 on the last) for as many pages as the payload needs and no more, with a visited set. A pointer out of range, a
 * loop, an early end, an unreadable page, and a chain longer than the payload needs are problems.
 */
final class OverflowChain {

    /** Receives each overflow page read, in chain order. */
    interface Step {
        void page(long pgno, byte[] data, int index);
    }

    private OverflowChain() {
    }

    /** Walks {@code need} pages from {@code local}'s first overflow page; returns how many were read. */
    static int walk(PageSource pages, LocalPayload local, long need, List<Problem> problems, Step step)
            throws IOException {
        Set<Long> visited = new HashSet<>();
        long next = local.firstOverflow();
        Span pointer = local.overflowPointerSpan();
        int read = 0;
        while (read < need) {
            if (next < 1 || next > pages.pageCount()) {
                problems.add(new Problem(ProblemKind.OVERFLOW_CHAIN, pointer, next == 0
                        ? "overflow chain ends after " + read + " pages; the payload of " + local.declaredSize()
                        + " bytes needs " + need
                        : "overflow page " + next + " is out of range 1.." + pages.pageCount()));
                return read;
            }
            if (!visited.add(next)) {
                problems.add(new Problem(ProblemKind.OVERFLOW_LOOP, pointer, "overflow chain loops back to page " + next));
                return read;
            }
            byte[] data = pages.read(next);
            if (data == null) {
                problems.add(new Problem(ProblemKind.PAGE_UNREADABLE, pointer, "overflow page " + next + " cannot be read"));
                return read;
            }
            step.page(next, data, read++);
            pointer = Span.inPage(next, 0, 4);
            long after = BigEndian.u32(data, 0);
            if (read == need && after != 0) {
                problems.add(new Problem(ProblemKind.OVERFLOW_CHAIN, pointer, "last overflow page " + next
                        + " points to page " + after + " instead of 0: the chain is longer than the payload needs"));
            }
            next = after;
        }
        return read;
    }
}
