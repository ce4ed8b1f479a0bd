package dev.loupe.check.structure;

/**
 * A b-tree to check: its root page and the schema object it belongs to.
 *
 * @param root  root page as sqlite_schema states it (may be out of range in a damaged file)
 * @param name  table or index name ("sqlite_schema" for page 1)
 * @param table true for a rowid table's tree (integer keys), false for an index or WITHOUT ROWID table
 */
public record TreeRoot(long root, String name, boolean table) {
}
