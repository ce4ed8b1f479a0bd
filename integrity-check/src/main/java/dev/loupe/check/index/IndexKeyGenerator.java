package dev.loupe.check.index;

import dev.loupe.check.RowBinding;
import dev.loupe.check.UncomputedColumns;
import dev.loupe.format.expr.Evaluation;
import dev.loupe.format.expr.Evaluator;
import dev.loupe.format.expr.Expression;
import dev.loupe.format.expr.ParsedExpression;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RecordView;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Computes the index entry a table row implies, as SQLite's sqlite3GenerateIndexKey does for integrity_check: each
 * record column of the index from the row (a table column's value as stored, an expression evaluated over the row,
 * the rowid), and no entry at all when a partial index's WHERE clause is not true. A REAL column's value is compared
 * by number, so its integer storage form in the index needs no conversion here (see {@link EntryHash}).
 */
final class IndexKeyGenerator {

    private final Index index;
    private final int[] tableColumn;
    private final ParsedExpression[] expressions;
    private final boolean[] rowid;
    private final ParsedExpression where;
    /** The table's VIRTUAL generated columns (lower-cased), where the key or WHERE may read one; else empty. */
    private final Set<String> virtualColumns = new HashSet<>();
    /** The table's column names, lower-cased, by column number. */
    private final List<String> columnNames;
    private final String unresolved;
    /**
     * For an index of stored columns only (no expression, no WHERE, no VIRTUAL column): the table record field of
     * each index record column, -1 for the rowid (or its alias, stored as NULL). Null otherwise.
     */
    private final int[] fields;
    /** The highest record field {@link #fields} names (-1 for none), and whether one of them is the rowid. */
    private final int highestField;
    private final boolean rowidField;

    IndexKeyGenerator(Table table, Index index) {
        this.index = index;
        this.columnNames = table.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        List<IndexedColumn> cols = index.recordColumns();
        int n = cols.size();
        this.tableColumn = new int[n];
        this.expressions = new ParsedExpression[n];
        this.rowid = new boolean[n];
        String problem = null;
        boolean usesExpressions = index.isPartial();
        boolean usesVirtual = false;
        for (int i = 0; i < n; i++) {
            IndexedColumn c = cols.get(i);
            tableColumn[i] = c.tableColumn();
            if (c.isRowid()) {
                rowid[i] = true;
            } else if (c.isExpression()) {
                expressions[i] = Expression.parse(c.expression());
                usesExpressions = true;
            } else if (c.tableColumn() < 0 || c.tableColumn() >= table.columns().size()) {
                problem = "column " + c.column() + " of index " + index.name() + " is not a column of "
                        + table.name();
            } else if (!table.columns().get(c.tableColumn()).isStored()) {
                usesVirtual = true;
            }
        }
        if (n == 0) {
            problem = "index " + index.name() + " has no columns in the schema";
        }
        this.unresolved = problem;
        // The WHERE text is wrapped so that its truth (lang_expr "Boolean expressions") comes back as 1 or 0; the
        // line break keeps a trailing "--" comment from swallowing the wrapper.
        this.where = index.isPartial()
                ? Expression.parse("CASE WHEN (" + index.where() + "\n) THEN 1 ELSE 0 END") : null;
        for (Column c : table.columns()) {
            if (!c.isStored() && (usesVirtual || usesExpressions)) {
                virtualColumns.add(c.name().toLowerCase(Locale.ROOT));
            }
        }
        this.fields = problem == null && !usesExpressions && !usesVirtual ? fields(table, cols) : null;
        int highest = -1;
        boolean rowidField = false;
        for (int f : this.fields == null ? new int[0] : this.fields) {
            highest = Math.max(highest, f);
            rowidField |= f < 0;
        }
        this.highestField = highest;
        this.rowidField = rowidField;
    }

    private static int[] fields(Table table, List<IndexedColumn> cols) {
        int[] map = table.recordColumns();
        int alias = table.withoutRowid() ? -1 : table.rowidAliasColumn();
        int[] out = new int[cols.size()];
        for (int i = 0; i < out.length; i++) {
            IndexedColumn c = cols.get(i);
            if (c.isRowid() || c.tableColumn() == alias) {
                out[i] = -1;
                continue;
            }
            out[i] = -2;
            for (int pos = 0; pos < map.length; pos++) {
                if (map[pos] == c.tableColumn()) {
                    out[i] = pos;
                }
            }
            if (out[i] == -2) {
                return null;
            }
        }
        return out;
    }

    /**
     * Whether {@link #hash} can give the entry a table record implies straight from its bytes: false when it needs
     * the decoded row (no sound record, an expression, a WHERE clause, a column past the record's end that takes its
     * DEFAULT).
     */
    boolean hashable(RecordView record, boolean hasRowid) {
        return fields != null && record != null && highestField < record.count() && (hasRowid || !rowidField);
    }

    /** The hash of the entry a {@link #hashable} record implies. */
    long hash(RecordView record, long rowid) {
        return EntryHash.implied(record, fields, rowid);
    }

    /**
     * The values of the entry a {@link #hashable} record implies, as the record stores them (an integral REAL as its
     * integer, equal to it in the index's order): what {@link #hash} hashes.
     */
    /**
     * The record field that index record column {@code column} is (-1: the rowid); only for an index of stored
     * columns, whose entries {@link #hashable} can hash from a record's bytes.
     */
    int field(int column) {
        return fields[column];
    }

    List<Value> values(RecordView record, long rowid) {
        Value[] out = new Value[fields.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fields[i] < 0 ? IntegerValue.of(rowid) : record.value(fields[i]);
        }
        return Arrays.asList(out);
    }

    /** Why the index cannot be compared with its table at all (a key column the table lacks), or null. */
    String unresolved() {
        return unresolved;
    }

    /** The entry {@code row} implies; {@code binding} is this table's evaluation context (set to the row here). */
    ImpliedEntry entryFor(Row row, RowBinding binding) {
        // the reader computed VIRTUAL generated columns, NULL where it could not: a key or WHERE clause that reads
        // one of those cannot be judged, one that reads none can
        Set<String> uncomputed = virtualColumns.isEmpty() ? Set.of() : UncomputedColumns.of(row);
        if (uncomputed.isEmpty()) {
            binding.reset(row);
        } else {
            binding.reset(row, name -> uncomputed.contains(name.toLowerCase(Locale.ROOT)));
        }
        // what the WHERE clause leaves unknown: whether the row has an entry at all
        String whereUnknown = null;
        if (where != null) {
            Evaluation w = Evaluator.evaluate(where, binding);
            if (w instanceof Evaluation.NotEvaluable ne) {
                whereUnknown = "WHERE " + index.where() + ": " + reason(ne, binding);
            } else {
                Value t = ((Evaluation.Evaluated) w).value();
                if (!(t instanceof IntegerValue i) || i.value() != 1) {
                    return ImpliedEntry.Excluded.INSTANCE;
                }
            }
        }
        // the entry, or the entries it may be where a key term's value depends on the SQLite version
        List<Value[]> keys = new ArrayList<>(1);
        keys.add(new Value[tableColumn.length]);
        String keyUnknown = null;
        List<Value> values = row.values();
        for (int i = 0; i < tableColumn.length && keys != null; i++) {
            if (rowid[i]) {
                set(keys, i, row.rowid() == null ? NullValue.INSTANCE : IntegerValue.of(row.rowid()));
            } else if (expressions[i] != null) {
                Evaluation e = Evaluator.evaluate(expressions[i], binding);
                if (e instanceof Evaluation.NotEvaluable ne) {
                    if (keyUnknown == null) {
                        keyUnknown = index.recordColumns().get(i).expression() + ": " + reason(ne, binding);
                    }
                    // where it is known to be one of some values, the other terms are still computed
                    keys = ne.possible() == null ? null : branch(keys, i, ne.possible());
                    continue;
                }
                set(keys, i, ((Evaluation.Evaluated) e).value());
            } else {
                int c = tableColumn[i];
                String name = c >= 0 ? columnNames.get(c) : null;
                if (name != null && uncomputed.contains(name)) {
                    if (keyUnknown == null) {
                        keyUnknown = "it uses generated column " + name + ", which could not be computed";
                    }
                    keys = null;
                    continue;
                }
                Value v = c >= 0 && c < values.size() ? values.get(c) : null;
                set(keys, i, v == null ? NullValue.INSTANCE : v);
            }
        }
        if (whereUnknown == null && keyUnknown == null) {
            return new ImpliedEntry.Entry(keys.get(0));
        }
        return new ImpliedEntry.NotEvaluable(whereUnknown != null ? whereUnknown : keyUnknown, whereUnknown == null,
                keys);
    }

    /** Most entries a row's key is taken to be one of (the product of its terms' possible values). */
    private static final int MAX_CANDIDATES = 8;

    private static void set(List<Value[]> keys, int i, Value v) {
        for (Value[] k : keys) {
            k[i] = v;
        }
    }

    /** Each key of {@code keys} once with each value of {@code possible} as term {@code i}; null past the cap. */
    private static List<Value[]> branch(List<Value[]> keys, int i, List<Value> possible) {
        if (keys.size() * possible.size() > MAX_CANDIDATES) {
            return null;
        }
        List<Value[]> out = new ArrayList<>(keys.size() * possible.size());
        for (Value[] k : keys) {
            for (Value v : possible) {
                Value[] copy = k.clone();
                copy[i] = v;
                out.add(copy);
            }
        }
        return out;
    }

    /** Why an evaluation failed: the generated column it read that was not computed, if that is why. */
    private static String reason(Evaluation.NotEvaluable ne, RowBinding binding) {
        return binding.uncomputedUse() != null ? binding.uncomputedUse() : ne.reason();
    }
}
