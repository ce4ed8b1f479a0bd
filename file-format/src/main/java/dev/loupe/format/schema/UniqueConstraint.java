package dev.loupe.format.schema;

import java.util.List;

/** UNIQUE on a column, or UNIQUE (...) after the columns. {@code onConflict} may be null. */
public record UniqueConstraint(String name, int column, List<IndexedColumn> columns, String onConflict)
        implements TableConstraint {

    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
