package dev.loupe.check;

/**
 * A check that sees every entry of one index in key order, on one thread. Registered per index with
 * {@link CheckPlan#onEntries}; {@link #end} runs when the index's walk is over.
 */
public interface EntryCheck {

    void entry(IndexEntry entry, FindingSink sink);

    default void end(FindingSink sink) {
    }
}
