package dev.loupe.check;

import dev.loupe.format.Database;
import dev.loupe.format.schema.Schema;

/** What a row-level check module is planned against. */
public record CheckContext(Database db, Schema schema, CheckOptions options) {
}
