package dev.loupe.check.values;

/**
 * The record-header cache of SQLite 3.40's table cursor as integrity_check uses it within one row, to predict which
 * lines 3.40.1 prints. OP_IsType reads a column's serial type from the cache, and takes the column DEFAULT's type
 * when the column is past the parsed part of the header. Each output line (OP_ResultRow) invalidates the cache; the
 * next OP_Column re-parses the header only up to the column it reads. So after a reported problem, later columns
 * of the same row are typed as their DEFAULT (NULL if none): 3.40.1 then misses real problems there and may report
 * "NULL value" for a column that holds a value (measured with the 3.40.1 CLI; EXPLAIN PRAGMA integrity_check).
 * Each row starts with the whole header parsed (the right-most column is read first).
 */
final class Cursor340 {

    private int parsed = Integer.MAX_VALUE;
    private boolean stale;

    /** OP_IsType on record field {@code field}: true when the serial type is read, false when the default's is. */
    boolean typeFromRecord(int field) {
        return field < parsed;
    }

    /** OP_Column on record field {@code field}. */
    void column(int field) {
        if (stale) {
            parsed = 0;
            stale = false;
        }
        if (parsed <= field) {
            parsed = field + 1;
        }
    }

    /** OP_ResultRow: a line was printed. */
    void resultRow() {
        stale = true;
    }
}
