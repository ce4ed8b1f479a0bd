package dev.loupe.format.schema;

import java.util.List;

/**
 * REFERENCES on a column, or FOREIGN KEY (...) REFERENCES after the columns (foreignkeys.html). {@code
 * parentColumns} is empty when the parent's primary key is meant. Actions are "NO ACTION" (the default), "SET
 * NULL", "SET DEFAULT", "CASCADE" or "RESTRICT"; {@code match} is the MATCH name or null; {@code deferred} is
 * DEFERRABLE INITIALLY DEFERRED.
 */
public record ForeignKeyConstraint(String name, int column, List<String> columns, String parentTable,
                                   List<String> parentColumns, String onDelete, String onUpdate, String match,
                                   boolean deferred) implements TableConstraint {

    public ForeignKeyConstraint {
        columns = List.copyOf(columns);
        parentColumns = List.copyOf(parentColumns);
    }
}
