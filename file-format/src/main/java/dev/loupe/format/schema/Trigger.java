package dev.loupe.format.schema;

import java.util.List;

/**
 * A trigger (lang_createtrigger.html). {@code timing} is "BEFORE", "AFTER" or "INSTEAD OF" (null when not written,
 * which SQLite treats as BEFORE); {@code event} is "DELETE", "INSERT" or "UPDATE", with {@code updateColumns} for
 * UPDATE OF; {@code when} is the WHEN expression text or null. Null fields mean the text could not be read.
 */
public record Trigger(String name, String tableName, String sql, String timing, String event,
                      List<String> updateColumns, boolean forEachRow, String when) implements SchemaObject {

    public Trigger {
        updateColumns = List.copyOf(updateColumns);
    }

    @Override
    public long rootPage() {
        return 0;
    }
}
