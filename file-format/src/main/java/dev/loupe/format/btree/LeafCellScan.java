package dev.loupe.format.btree;

import dev.loupe.format.Problem;

import java.util.List;

/**
 * A {@link TreeVisitor} that takes over the cells of leaf pages itself: {@link BTreeWalker} then hands it each leaf
 * page whole instead of decoding every cell into an object. A leaf has no children, so the only things its cells
 * produce are their problems and {@link TreeVisitor#cell} calls, in pointer order; an implementation must produce
 * exactly those, in that order, and honour {@link TreeVisitor#stop()} between cells.
 */
public interface LeafCellScan {

    /** The cells of leaf page {@code page}; {@code path} leads from the root to it and may be extended meanwhile. */
    void leafCells(BTreePage page, List<PathStep> path);

    /**
     * Cell {@code i} of leaf page {@code page} (its pointer valid) as the walker would hand it on: decoded, its
     * problems to {@code visitor}, then {@link TreeVisitor#cell} with {@code path} extended to it meanwhile. For
     * the cells an implementation does not take care of itself.
     */
    static void asWalked(BTreePage page, int i, List<PathStep> path, TreeVisitor visitor) {
        Cell cell = page.cell(i);
        for (Problem p : cell.problems()) {
            visitor.problem(p);
        }
        path.add(new PathStep(page.number(), i));
        visitor.cell(page, cell, path);
        path.remove(path.size() - 1);
    }
}
