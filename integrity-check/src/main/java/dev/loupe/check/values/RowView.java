package dev.loupe.check.values;

import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.expr.RowContext;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A row as a CHECK constraint sees it: OP_Column values (a NaN stored as a real reads back as NULL, vdbeaux.c
 * serial get) with the column's affinity and collation. A VIRTUAL generated column that could not be computed is
 * not offered, so an expression that uses it is not evaluable rather than evaluated against a placeholder NULL.
 * One per table, re-pointed at each row; not thread-safe (a RowCheck runs on one thread).
 */
final class RowView implements RowContext {

    private final List<Column> columns;
    private final Map<String, Integer> byName = new HashMap<>();
    private Row row;
    private RowFacts facts;
    private String uncomputedUse;

    private final TextEncoding encoding;

    RowView(Table table, TextEncoding encoding) {
        this.encoding = encoding;
        this.columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            byName.putIfAbsent(RowContext.fold(columns.get(i).name()), i);
        }
    }

    void reset(Row r, RowFacts f) {
        this.row = r;
        this.facts = f;
        this.uncomputedUse = null;
    }

    /** Why the last evaluation could not be done, if it used a generated column that was not computed. */
    String uncomputedUse() {
        return uncomputedUse;
    }

    @Override
    public ColumnBinding column(String name) {
        Integer i = byName.get(RowContext.fold(name));
        if (i == null || i >= row.values().size()) {
            return null;
        }
        Column c = columns.get(i);
        if (facts.isUncomputed(c.name())) {
            uncomputedUse = "it uses generated column " + c.name() + ", which could not be computed";
            return null;
        }
        Value v = row.values().get(i);
        if (v == null || v instanceof RealValue r && Double.isNaN(r.value())) {
            v = NullValue.INSTANCE;
        }
        return new ColumnBinding(c.name(), v, c.affinity(), c.collation());
    }

    @Override
    public Long rowid() {
        return row.rowid();
    }

    @Override
    public TextEncoding encoding() {
        return encoding;
    }
}
