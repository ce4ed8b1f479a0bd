package dev.loupe.repro.diff;

import dev.loupe.format.find.KeyComparator;
import dev.loupe.format.schema.Table;

/**
 * One b-tree present in both files, with what comparing its content needs.
 *
 * @param name       the table or index name
 * @param type       "table", "without-rowid", "index", or "schema" for sqlite_schema (whose rows the schema
 *                   comparison covers: only its shape is compared)
 * @param rootA      its root page in A
 * @param rootB      its root page in B
 * @param tableTree  a table b-tree (keyed by rowid) rather than an index b-tree
 * @param columns    what the record values are
 * @param order      the key order of an index b-tree (from A's definition); null for table b-trees
 * @param keyColumns how many leading record values make the key of an index b-tree
 * @param tableA     the table as A defines it, for reading rows as SQLite returns them; null for indexes
 * @param tableB     the table as B defines it
 * @param skipReason why the content is not compared (null when it is)
 */
record ObjectTarget(String name, String type, long rootA, long rootB, boolean tableTree, RecordColumns columns,
                    KeyComparator order, int keyColumns, Table tableA, Table tableB, String skipReason) {
}
