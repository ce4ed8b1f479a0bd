package dev.loupe.check.index;

import dev.loupe.format.record.Value;

/** What a table row implies for one index: an entry, no entry (a partial index's WHERE is not true), or unknown. */
sealed interface ImpliedEntry {

    /** The entry's values in index record order: key terms, then the rowid or the primary key columns. */
    record Entry(Value[] values) implements ImpliedEntry {
    }

    /** A partial index whose WHERE clause is false or NULL for the row: SQLite makes no entry for it. */
    enum Excluded implements ImpliedEntry {
        INSTANCE
    }

    /** An expression or WHERE clause the evaluator cannot compute exactly for this row. */
    record NotEvaluable(String reason) implements ImpliedEntry {
    }
}
