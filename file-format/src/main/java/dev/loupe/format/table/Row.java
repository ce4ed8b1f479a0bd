package dev.loupe.format.table;

import dev.loupe.format.Problem;
import dev.loupe.format.record.Value;

import java.util.List;

/**
 * A row of a table as SQLite returns it from {@code SELECT rowid, *}: values in table column order, with the rowid
 * alias filled in, REAL affinity applied and defaults for columns missing from short records.
 *
 * @param rowid     the rowid, or null for a WITHOUT ROWID table
 * @param values    one per table column
 * @param page      the page holding the row's cell
 * @param cellIndex the cell's index on that page
 * @param problems  what was wrong with this row's cell, payload or record
 */
public record Row(Long rowid, List<Value> values, long page, int cellIndex, List<Problem> problems) {
}
