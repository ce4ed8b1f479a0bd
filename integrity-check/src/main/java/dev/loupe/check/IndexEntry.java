package dev.loupe.check;

import dev.loupe.format.Problem;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Index;

import java.util.List;

/**
 * One entry of an index b-tree (any cell: interior cells of an index tree hold entries too), in key order.
 *
 * @param index    the index
 * @param values   the record's values as stored (key columns, then the rowid or the table's primary key)
 * @param page     the page holding the cell
 * @param cell     the cell's index on that page
 * @param path     root-to-cell path (copied: safe to keep)
 * @param position 1-based position of the entry in key order
 * @param problems what was wrong with the cell, payload or record (values may then be incomplete)
 */
public record IndexEntry(Index index, List<Value> values, long page, int cell, List<PathStep> path, long position,
                         List<Problem> problems) {
}
