package dev.loupe.format.table;

import dev.loupe.format.Problem;

/** Receives rows in key order from {@link TableReader}. */
public interface RowSink {

    /** @return false to stop reading */
    boolean row(Row row);

    /** A problem of the tree itself (bad child pointers, damaged pages); row problems come with their rows. */
    default void problem(Problem problem) {
    }

    /** Told of each b-tree page the read enters, before its rows (for a caller that shows progress). */
    default void page(long number) {
    }
}
