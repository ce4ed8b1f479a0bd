package dev.loupe.check.structure;

import dev.loupe.check.Finding;

import java.util.BitSet;
import java.util.List;

/**
 * One b-tree walked on its own by {@link StructureCheck#walkTree}: what it claims and what it found, as if no other
 * tree or the freelist had claimed a page. Merged into a whole-file check in SQLite's order, it gives the same
 * findings as walking the tree in place, unless its claims meet earlier ones (then the order matters).
 *
 * @param root         the tree
 * @param claimed      the pages it claims (tree and overflow pages in range), in the order the walk claimed them
 * @param touched      every page number the walk referenced or read, pointer-map pages included (below 2^31): a
 *                     change to any other page cannot change this walk
 * @param highestPage  the highest page number it referenced or read: a walk that referred beyond the smaller of
 *                     two page counts depends on the page count
 * @param findings     its findings, SQLite's line not yet capped at 100 lines
 * @param pagesVisited b-tree pages it checked
 */
public record TreeWalk(TreeRoot root, long[] claimed, BitSet touched, long highestPage, List<Finding> findings,
                       long pagesVisited) {

    public TreeWalk {
        claimed = claimed.clone();
        touched = (BitSet) touched.clone();
        findings = List.copyOf(findings);
    }

    @Override
    public long[] claimed() {
        return claimed.clone();
    }

    /** True if a change to any of {@code pages} may change this walk. */
    public boolean dependsOn(BitSet pages) {
        return touched.intersects(pages);
    }
}
