package dev.loupe.wal;

/** How {@link WalBisect} checks each commit. Both name the same commit; incremental is the fast one. */
public enum BisectStrategy {
    /** The whole checker on the whole database at every commit: the reference answer. */
    NAIVE,
    /**
     * The same report at every commit, but the b-tree walks only of the trees whose pages the commit wrote and the
     * record-level pass only for the tables (with their indexes) whose pages or definitions it changed; the rest is
     * kept from the previous commit.
     */
    INCREMENTAL
}
