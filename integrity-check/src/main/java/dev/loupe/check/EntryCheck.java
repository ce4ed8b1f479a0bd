package dev.loupe.check;

/**
 * A check that sees every entry of one index in key order, on one thread. Registered per index with
 * {@link CheckPlan#onEntries}; {@link #end} runs when the index's walk is over.
 */
public interface EntryCheck {

    void entry(IndexEntry entry, FindingSink sink);

    /**
     * Called before {@link #end} when the walk met damage in the index's tree: a problem the walker reported, a cell
     * it skipped or could not read. A lookup by b-tree descent may then miss what is there: {@code where} says for
     * which keys.
     */
    default void treeDamaged(DamagedKeys where) {
    }

    /** Called before {@link #end} with the number of pages the walk read in the index's tree. */
    default void treePages(long pages) {
    }

    default void end(FindingSink sink) {
    }
}
