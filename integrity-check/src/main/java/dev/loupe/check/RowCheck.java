package dev.loupe.check;

/**
 * A check that sees every row of one table in key order, on one thread. Registered per table with
 * {@link CheckPlan#onRows}; {@link #end} runs when the table's walk is over.
 */
public interface RowCheck {

    void row(TableRow row, FindingSink sink);

    /**
     * Called before {@link #end} when the walk met damage in the table's tree: a problem the walker reported, a cell
     * it skipped or could not read, keys out of order. A lookup by b-tree descent may then miss what is there:
     * {@code where} says for which rowids ({@link DamagedRowids#ALL} in a WITHOUT ROWID table).
     */
    default void treeDamaged(DamagedRowids where) {
    }

    /** Called before {@link #end} with the number of pages the walk read in the table's tree. */
    default void treePages(long pages) {
    }

    default void end(FindingSink sink) {
    }
}
