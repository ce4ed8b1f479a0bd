package dev.loupe.check;

import dev.loupe.format.expr.RowContext;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One table row as the expression evaluator sees it (CHECK constraints, index expressions and WHERE clauses):
 * columns by name (ASCII case-insensitive) with their affinity and collation, and the rowid. Values are what
 * OP_Column reads: a NaN stored as a real reads back as NULL (vdbeaux.c, serial get). A VIRTUAL generated column
 * that could not be computed is not offered, so an expression that uses it is not evaluable rather than evaluated
 * against a placeholder NULL. The name lookup is built once per table and {@link #reset} re-points it at each row;
 * not thread-safe (a row check runs on one thread).
 */
public final class RowBinding implements RowContext {

    private static final Predicate<String> ALL_COMPUTED = name -> false;

    private final List<Column> columns;
    private final Map<String, Integer> byName = new HashMap<>();
    private final TextEncoding encoding;
    private Row row;
    /** A row whose record is read in place (values decoded one column at a time), or null. */
    private TableRow source;
    private final int[] recordField;
    private final int alias;
    private Predicate<String> uncomputed = ALL_COMPUTED;
    private String uncomputedUse;

    public RowBinding(Table table, TextEncoding encoding) {
        this.encoding = encoding;
        this.columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            byName.putIfAbsent(RowContext.fold(columns.get(i).name()), i);
        }
        this.recordField = new int[columns.size()];
        java.util.Arrays.fill(recordField, -1);
        int[] map = table.recordColumns();
        for (int pos = 0; pos < map.length; pos++) {
            if (map[pos] >= 0 && map[pos] < recordField.length) {
                recordField[map[pos]] = pos;
            }
        }
        this.alias = table.withoutRowid() ? -1 : table.rowidAliasColumn();
    }

    /**
     * Points the binding at {@code r}: where its record is sound, a column's value is decoded from the record when
     * an expression asks for it (with the rowid alias and REAL affinity applied, as the decoded row has them);
     * anything else comes from the decoded row.
     */
    public void reset(TableRow r) {
        this.source = r;
        this.row = null;
        this.uncomputed = ALL_COMPUTED;
        this.uncomputedUse = null;
    }

    /** Points the binding at {@code r}, every generated column of which was computed. */
    public void reset(Row r) {
        reset(r, ALL_COMPUTED);
    }

    /** Points the binding at {@code r}; {@code notComputed} names its generated columns that could not be computed. */
    public void reset(Row r, Predicate<String> notComputed) {
        this.source = null;
        this.row = r;
        this.uncomputed = notComputed;
        this.uncomputedUse = null;
    }

    /** Why the last evaluation could not be done, if it used a generated column that was not computed. */
    public String uncomputedUse() {
        return uncomputedUse;
    }

    @Override
    public ColumnBinding column(String name) {
        Integer i = byName.get(RowContext.fold(name));
        if (i == null) {
            return null;
        }
        Value v;
        if (source != null) {
            v = fromSource(i);
        } else {
            if (row == null || i >= row.values().size()) {
                return null;
            }
            v = row.values().get(i);
        }
        Column c = columns.get(i);
        if (uncomputed.test(c.name())) {
            uncomputedUse = "it uses generated column " + c.name() + ", which could not be computed";
            return null;
        }
        if (v == null || v instanceof RealValue r && Double.isNaN(r.value())) {
            v = NullValue.INSTANCE;
        }
        return new ColumnBinding(c.name(), v, c.affinity(), c.collation());
    }

    /** Column {@code i} of the source row: from its sound record where the record holds it, else decoded. */
    private Value fromSource(int i) {
        RecordView r = source.record();
        if (r != null) {
            if (i == alias && source.hasRowid()) {
                return IntegerValue.of(source.rowid());
            }
            int f = recordField[i];
            if (f >= 0 && f < r.count()) {
                Value v = r.value(f);
                return columns.get(i).affinity() == Affinity.REAL && v instanceof IntegerValue n
                        ? new RealValue(n.value()) : v;
            }
        }
        List<Value> values = source.row().values();
        return i < values.size() ? values.get(i) : null;
    }

    @Override
    public Long rowid() {
        if (source != null) {
            return source.hasRowid() ? source.rowid() : null;
        }
        return row == null ? null : row.rowid();
    }

    @Override
    public TextEncoding encoding() {
        return encoding;
    }
}
