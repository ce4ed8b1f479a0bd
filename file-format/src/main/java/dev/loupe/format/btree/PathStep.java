package dev.loupe.format.btree;

/**
 * One step of a path from a b-tree root: the page and the index of the cell taken there (for a child, the cell
 * whose left child was followed, or the cell count for the right-most child; for a cell, the cell itself).
 */
public record PathStep(long page, int cellIndex) {

    @Override
    public String toString() {
        return page + "[" + cellIndex + "]";
    }
}
