package dev.loupe.format.schema;

import java.util.List;

/** A view; {@code columnNames} are the names given in CREATE VIEW v(a, b), empty when none were given. */
public record View(String name, String sql, List<String> columnNames) implements SchemaObject {

    public View {
        columnNames = List.copyOf(columnNames);
    }

    @Override
    public String tableName() {
        return name;
    }

    @Override
    public long rootPage() {
        return 0;
    }
}
