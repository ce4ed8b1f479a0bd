package dev.loupe.check;

/**
 * A check that sees every row of one table in key order, on one thread. Registered per table with
 * {@link CheckPlan#onRows}; {@link #end} runs when the table's walk is over.
 */
public interface RowCheck {

    void row(TableRow row, FindingSink sink);

    default void end(FindingSink sink) {
    }
}
