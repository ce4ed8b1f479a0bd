package dev.loupe.repro.engine;

import java.util.List;

/**
 * What one statement did on one engine: rows (possibly none), an error, or the run stopped while it ran (crash,
 * timeout, output limit). Two outcomes {@link #sameAs agree} when rows are equal value by value, or errors are of
 * the same class (messages differ between engines and versions and are kept only to be shown).
 */
public sealed interface Outcome {

    /** True when {@code other} is the same result: equal rows and columns, or errors of the same class. */
    default boolean sameAs(Outcome other) {
        return equals(other);
    }

    /**
     * Rows. Column names are those of the result; they are known only when there is at least one row (the sqlite3
     * shell prints its header with the first row), so an empty result has no columns on every engine.
     */
    record Rows(List<String> columns, List<List<Value>> rows) implements Outcome {
        public static final Rows NONE = new Rows(List.of(), List.of());

        public Rows {
            rows = rows.stream().map(List::copyOf).toList();
            columns = rows.isEmpty() ? List.of() : List.copyOf(columns);
        }
    }

    /** The statement failed; {@code code} is SQLite's result code when the engine reported one, else -1. */
    record Error(ErrorClass errorClass, String message, int code) implements Outcome {
        @Override
        public boolean sameAs(Outcome other) {
            return other instanceof Error e && e.errorClass == errorClass;
        }
    }

    /** The run stopped during this statement; no later statement has an outcome. */
    record Aborted(Abort abort) implements Outcome {
        @Override
        public boolean sameAs(Outcome other) {
            return other instanceof Aborted a && a.abort.kind() == abort.kind();
        }
    }
}
