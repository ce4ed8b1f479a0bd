package dev.loupe.wal;

/** How {@link WalBisect} checks each commit. Both name the same commit; incremental is the fast one. */
public enum BisectStrategy {
    /** The whole checker on the whole database at every commit: the reference answer. */
    NAIVE,
    /**
     * The whole-file structural pass at every commit, but the record-level pass only for the tables (with their
     * indexes) whose pages or definitions the commit changed.
     */
    INCREMENTAL
}
