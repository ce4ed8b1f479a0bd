package dev.loupe.format.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds a table's column by name, ignoring ASCII case as SQLite does (the first of equal names wins). */
final class ColumnLookup {

    private final List<Column> columns;
    private final Map<String, Integer> byName = new HashMap<>();

    ColumnLookup(List<Column> columns) {
        this.columns = columns;
        for (int i = 0; i < columns.size(); i++) {
            byName.putIfAbsent(AsciiCase.upper(columns.get(i).name()), i);
        }
    }

    /** Index of the column called {@code name}, or -1. */
    int indexOf(String name) {
        Integer i = byName.get(AsciiCase.upper(name));
        return i == null ? -1 : i;
    }

    Column get(int index) {
        return columns.get(index);
    }
}
