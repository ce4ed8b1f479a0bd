package dev.loupe.format.schema;

import java.util.List;

/**
 * An index SQLite makes for a PRIMARY KEY or UNIQUE constraint, named sqlite_autoindex_TABLE_N where N counts the
 * constraint indexes of the table in the order SQLite creates them (build.c sqlite3CreateIndex). {@code tableKey}
 * marks the PRIMARY KEY of a WITHOUT ROWID table, which is the table's own b-tree and has no sqlite_schema row.
 */
record AutoIndexSpec(String name, List<IndexedColumn> columns, char origin, boolean tableKey) {
}
