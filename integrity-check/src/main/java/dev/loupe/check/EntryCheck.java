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

    /**
     * A fresh check of the same kind for one part of the index's walk, when the walk is split across threads
     * ({@link IndexSplit}): it sees that part's entries only, and is then {@link #merge merged} into this check. Null
     * when this check cannot be split: then the index is walked whole.
     */
    default EntryCheck forPart() {
        return null;
    }

    /**
     * For a check made by {@link #forPart}, its part walked with no finding: whether one walk would find nothing
     * either where this part's first entry follows the last entry of {@code before} (a part of the same walk, the
     * last before this one that had entries).
     */
    default boolean follows(EntryCheck before) {
        return true;
    }

    /**
     * Folds {@code part} (made by {@link #forPart}, its part walked with no finding) into this check, as if this check
     * had seen its entries. Called for every part in walk order, before {@link #treePages} and {@link #end}.
     */
    default void merge(EntryCheck part) {
    }
}
