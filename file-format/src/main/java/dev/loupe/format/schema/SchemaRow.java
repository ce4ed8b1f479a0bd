package dev.loupe.format.schema;

/**
 * One row of sqlite_schema (fileformat2 §2.6): {@code type} is 'table', 'index', 'view' or 'trigger'; {@code sql} is
 * the CREATE statement as SQLite stored it, null for automatic indexes. On a damaged file any field may be null or
 * odd; {@link Schema#from} reports what it finds.
 */
public record SchemaRow(String type, String name, String tblName, long rootPage, String sql) {
}
