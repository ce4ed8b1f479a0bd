package dev.loupe.check.index;

import dev.loupe.format.record.Value;

import java.util.List;

/** What a table row implies for one index: an entry, no entry (a partial index's WHERE is not true), or unknown. */
sealed interface ImpliedEntry {

    /** The entry's values in index record order: key terms, then the rowid or the primary key columns. */
    record Entry(Value[] values) implements ImpliedEntry {
    }

    /** A partial index whose WHERE clause is false or NULL for the row: SQLite makes no entry for it. */
    enum Excluded implements ImpliedEntry {
        INSTANCE
    }

    /**
     * An expression or WHERE clause the evaluator cannot compute exactly for this row.
     *
     * @param needsEntry whether the row has an entry whatever it is (only the key is unknown; false when the WHERE
     *                   clause is)
     * @param candidates the entries the row may imply, one per SQLite version's answers, where those are known (a
     *                   day past its month's end: 3.40 keys it as written, later versions normalised); else null
     */
    record NotEvaluable(String reason, boolean needsEntry, List<Value[]> candidates) implements ImpliedEntry {
    }
}
