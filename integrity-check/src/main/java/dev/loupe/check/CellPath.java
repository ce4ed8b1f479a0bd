package dev.loupe.check;

import dev.loupe.format.btree.PathStep;

import java.util.AbstractList;
import java.util.List;

/**
 * The root-to-cell path of the cell a walk is at, as a view: the walker's root-to-page path plus one step for the
 * cell, without a {@link PathStep} per cell. Reused from cell to cell: like the walker's own path it is valid
 * during the call only ({@link List#copyOf} keeps it).
 */
final class CellPath extends AbstractList<PathStep> {

    private List<PathStep> pagePath = List.of();
    private long page;
    private int cell;

    /** Points the view at cell {@code cell} of {@code page}, reached by {@code pagePath}. */
    CellPath at(List<PathStep> pagePath, long page, int cell) {
        this.pagePath = pagePath;
        this.page = page;
        this.cell = cell;
        return this;
    }

    @Override
    public PathStep get(int i) {
        return i == pagePath.size() ? new PathStep(page, cell) : pagePath.get(i);
    }

    @Override
    public int size() {
        return pagePath.size() + 1;
    }
}
