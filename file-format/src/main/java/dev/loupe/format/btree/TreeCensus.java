package dev.loupe.format.btree;

import dev.loupe.format.page.PageSet;
import dev.loupe.format.Problem;
import dev.loupe.format.Progress;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * What one b-tree is made of: its interior, leaf and overflow pages, its entries and depth, found by one walk
 * from the root. The same numbers SQLite's dbstat virtual table and sqlite3_analyzer report per table or index.
 *
 * @param root          the root page
 * @param interiorPages interior b-tree pages
 * @param leafPages     leaf b-tree pages
 * @param overflowPages overflow pages of the tree's cells
 * @param entries       rows (table trees: leaf cells) or index entries (index trees: every cell)
 * @param depth         levels from root to the deepest leaf (1 = root is a leaf)
 * @param pages         the tree's b-tree pages in walk order
 * @param pageTypes     the type of each of {@code pages}, as {@link PageType#ordinal()}
 * @param overflow      the overflow pages of its cells
 * @param problems      what the walk found wrong
 */
public record TreeCensus(long root, long interiorPages, long leafPages, long overflowPages, long entries, int depth,
                         long[] pages, byte[] pageTypes, long[] overflow, List<Problem> problems) {

    public long totalPages() {
        return interiorPages + leafPages + overflowPages;
    }

    /** Walks the tree at {@code root}; pages in {@code claimed} count as already used (second references). */
    public static TreeCensus of(PageSource source, int usableSize, long root, PageSet claimed) throws IOException {
        return of(source, usableSize, root, claimed, Progress.NONE);
    }

    /** As {@link #of(PageSource, int, long, PageSet)}, reporting the pages claimed so far every 1024 pages. */
    public static TreeCensus of(PageSource source, int usableSize, long root, PageSet claimed, Progress progress)
            throws IOException {
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
                    if ((pages.size() & 1023) == 0) {
                        progress.pages(claimed.size(), source.pageCount());
                    }
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
