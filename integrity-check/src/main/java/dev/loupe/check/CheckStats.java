package dev.loupe.check;

/**
 * What a check covered.
 *
 * @param pages        pages in the database (as read, WAL applied)
 * @param trees        b-trees walked (sqlite_schema, tables, indexes)
 * @param rows         table rows decoded for row-level checks (0 with --quick)
 * @param indexEntries index entries compared with their tables (0 with --quick)
 * @param millis       wall time of the check
 */
public record CheckStats(long pages, int trees, long rows, long indexEntries, long millis) {

    public static final CheckStats NONE = new CheckStats(0, 0, 0, 0, 0);
}
