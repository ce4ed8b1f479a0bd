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

    /**
     * A fresh check of the same kind for one part of the table's walk, when the walk is split across threads
     * ({@link TableSplit}): it sees that part's rows only, and is then {@link #merge merged} into this check. Null
     * when this check cannot be split: then the table is walked whole.
     */
    default RowCheck forPart() {
        return null;
    }

    /**
     * Folds {@code part} (made by {@link #forPart}, its part walked) into this check, as if this check had seen its
     * rows: they came after {@code rowsBefore} rows of the table's scan (a part counts its rows' scan positions from
     * 1). Called for every part in walk order, before {@link #treeDamaged}, {@link #treePages} and {@link #end}.
     */
    default void merge(RowCheck part, long rowsBefore) {
    }
}
