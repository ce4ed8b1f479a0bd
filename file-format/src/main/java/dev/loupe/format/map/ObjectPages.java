package dev.loupe.format.map;

import dev.loupe.format.btree.TreeCensus;

/**
 * The pages of one b-tree and what it holds.
 *
 * @param type      "table" or "index" (sqlite_schema's type; the schema table itself is "table")
 * @param name      the object's name (sqlite_schema for page 1's tree)
 * @param tableName the table an index belongs to (the name itself for tables)
 * @param census    the walk of its tree
 */
public record ObjectPages(String type, String name, String tableName, TreeCensus census) {
}
