package dev.loupe.format.btree;

import dev.loupe.format.Problem;
import dev.loupe.format.page.PageSet;
import dev.loupe.format.Progress;
import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        CensusWalk walk = new CensusWalk(source, usableSize, claimed, progress);
        try {
            new BTreeWalker(source, usableSize).walk(root, walk, claimed);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new TreeCensus(root, walk.interior, walk.leaves, walk.overflowPages, walk.entries, walk.depth,
                walk.pages.toArray(), walk.types.toByteArray(), walk.overflow.toArray(), List.copyOf(walk.problems));
    }
}
