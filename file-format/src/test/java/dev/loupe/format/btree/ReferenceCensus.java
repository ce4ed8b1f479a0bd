package dev.loupe.format.btree;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.page.PageSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The census as it was computed before leaf cells were counted without decoding: every cell decoded into an object
 * by {@link BTreeWalker}, through a plain {@link TreeVisitor} (not a {@link LeafCellScan}). Kept as the reference the
 * fast walk must equal.
 */
final class ReferenceCensus {

    private ReferenceCensus() {
    }

    static TreeCensus of(PageSource source, int usableSize, long root, PageSet claimed) throws IOException {
        PayloadReader payloads = new PayloadReader(source, usableSize);
        long[] counts = new long[4]; // interior, leaf, overflow, entries
        int[] depth = {0};
        List<Long> pages = new ArrayList<>();
        List<Long> overflow = new ArrayList<>();
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        List<Problem> problems = new ArrayList<>();
        try {
            new BTreeWalker(source, usableSize).walk(root, new TreeVisitor() {
                @Override
                public boolean page(BTreePage page, List<PathStep> path, int d) {
                    pages.add(page.number());
                    types.write(page.type().ordinal());
                    counts[page.type().isLeaf() ? 1 : 0]++;
                    depth[0] = Math.max(depth[0], d + 1);
                    return true;
                }

                @Override
                public void cell(BTreePage page, Cell cell, List<PathStep> path) {
                    if (!(cell instanceof TableInteriorCell)) {
                        counts[3]++;
                    }
                    if (cell instanceof PayloadCell pc && pc.payload().overflows()) {
                        try {
                            for (long ov : payloads.overflowChain(pc.payload(), problems)) {
                                if (claimed.add(ov)) {
                                    overflow.add(ov);
                                    counts[2]++;
                                } else {
                                    problems.add(new Problem(ProblemKind.TREE_LOOP,
                                            Span.inPage(ov, 0, 4), "2nd reference to page " + ov
                                            + " (overflow of cell " + cell.index() + " on page " + page.number() + ")"));
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }

                @Override
                public void problem(Problem p) {
                    problems.add(p);
                }
            }, claimed);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new TreeCensus(root, counts[0], counts[1], counts[2], counts[3], depth[0],
                pages.stream().mapToLong(Long::longValue).toArray(), types.toByteArray(),
                overflow.stream().mapToLong(Long::longValue).toArray(), List.copyOf(problems));
    }
}
