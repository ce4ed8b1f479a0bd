package dev.loupe.format.table;

import dev.loupe.format.Problem;

/** Receives rows in key order from {@link TableReader}. */
public interface RowSink {

    /** @return false to stop reading */
    boolean row(Row row);

    /** A problem of the tree itself (bad child pointers, damaged pages); row problems come with their rows. */
    default void problem(Problem problem) {
    }
}
