package dev.loupe.format;

import dev.loupe.format.schema.SchemaRow;

/**
 * A row of sqlite_schema and where it is stored: the rowid and the cell holding it (fileformat2 §2.6).
 */
public record SchemaEntry(SchemaRow row, long rowid, long page, int cellIndex) {
}
