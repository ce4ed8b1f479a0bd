package dev.loupe.format.schema;

import java.util.List;

/**
 * A column of a table, as PRAGMA table_xinfo describes it. {@code declaredType} is the type as SQLite reports it:
 * quotes removed, the standard names (INT, INTEGER, REAL, TEXT, BLOB, ANY) upper-cased, "" when none.
 * {@code notNull} is the effective constraint (PRIMARY KEY columns of WITHOUT ROWID tables, and non-rowid PRIMARY
 * KEY columns of STRICT tables, are NOT NULL even if not declared so). {@code primaryKey} is true for every column
 * of the PRIMARY KEY, whichever way it was declared. {@code collation} is the COLLATE clause, null for the BINARY
 * default. {@code unique} and {@code checks} are the column's own UNIQUE and CHECK clauses. {@code generated} is
 * null for ordinary columns. {@code hidden} marks a hidden column of a virtual table.
 */
public record Column(String name, String declaredType, Affinity affinity, boolean notNull, DefaultValue defaultValue,
                     boolean primaryKey, String collation, boolean unique, List<String> checks, Generated generated,
                     boolean hidden) {

    public Column {
        checks = List.copyOf(checks);
    }

    /** True if the column has a place in the table's record (all but VIRTUAL generated columns). */
    public boolean isStored() {
        return generated == null || generated.kind() == Generated.Kind.STORED;
    }
}
