package dev.loupe.check;

import dev.loupe.format.btree.PathStep;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;

import java.util.List;

/**
 * One row as a row-level check sees it, during the checker's single walk of the table's b-tree.
 *
 * @param table    the table
 * @param row      the row as SQLite would return it (values in column order, page and cell, decoding problems)
 * @param path     root-to-cell path (copied: safe to keep)
 * @param position 1-based position of the row in the table scan (what integrity_check's "row N" counts)
 */
public record TableRow(Table table, Row row, List<PathStep> path, long position) {
}
