package dev.loupe.check.index;

import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.expr.RowContext;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One table row as the expression evaluator sees it: columns by name (ASCII case-insensitive) with their affinity
 * and collation, and the rowid. The name lookup is built once per table; {@link #row} is set before each
 * evaluation, so a single binding serves a whole scan.
 */
final class RowBinding implements RowContext {

    private final List<Column> columns;
    private final Map<String, Integer> byName = new HashMap<>();
    private Row row;

    private final TextEncoding encoding;

    RowBinding(Table table, TextEncoding encoding) {
        this.encoding = encoding;
        this.columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            byName.putIfAbsent(RowContext.fold(columns.get(i).name()), i);
        }
    }

    void row(Row r) {
        this.row = r;
    }

    @Override
    public ColumnBinding column(String name) {
        Integer i = byName.get(RowContext.fold(name));
        if (i == null || row == null || i >= row.values().size()) {
            return null;
        }
        Column c = columns.get(i);
        Value v = row.values().get(i);
        return v == null ? null : new ColumnBinding(c.name(), v, c.affinity(), c.collation());
    }

    @Override
    public Long rowid() {
        return row == null ? null : row.rowid();
    }

    @Override
    public TextEncoding encoding() {
        return encoding;
    }
}
