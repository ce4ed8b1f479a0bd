package dev.loupe.format.schema;

import java.util.List;

/** PRIMARY KEY [ASC|DESC] on a column, or PRIMARY KEY (...) after the columns. {@code onConflict} may be null. */
public record PrimaryKeyConstraint(String name, int column, List<IndexedColumn> columns, String onConflict,
                                   boolean autoincrement) implements TableConstraint {

    public PrimaryKeyConstraint {
        columns = List.copyOf(columns);
    }
}
