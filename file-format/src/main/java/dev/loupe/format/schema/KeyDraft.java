package dev.loupe.format.schema;

import java.util.List;

/**
 * A PRIMARY KEY or UNIQUE constraint as written, its terms matched to columns only once the whole table is read
 * (a column's COLLATE may come after its UNIQUE, and SQLite applies it to that index too).
 */
record KeyDraft(boolean primary, String name, int column, List<IndexTerm> terms, String onConflict,
                boolean autoincrement) {
}
