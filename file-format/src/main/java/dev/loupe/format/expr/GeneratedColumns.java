package dev.loupe.format.expr;

import dev.loupe.format.record.JavaValues;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The VIRTUAL generated columns of a table (gencol.html), which the file does not store: SQLite computes each from
 * its expression on every read and gives the result the column's affinity. One instance per table; the expressions
 * are parsed once. A generated column may use another one, which is then computed first.
 */
public final class GeneratedColumns {

    private final TextEncoding encoding;
    private final List<Column> columns;
    private final ParsedExpression[] expressions;
    private final Map<String, Integer> byName = new HashMap<>();

    /** Generated columns of a table in a UTF-8 database. */
    public GeneratedColumns(Table table) {
        this(table, TextEncoding.UTF8);
    }

    /** Generated columns of a table in a database of {@code encoding} (text comparisons depend on it). */
    public GeneratedColumns(Table table, TextEncoding encoding) {
        this.encoding = encoding;
        this.columns = table.columns();
        this.expressions = new ParsedExpression[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            byName.putIfAbsent(RowContext.fold(c.name()), i);
            if (!c.isStored()) {
                expressions[i] = Expression.parse(c.generated().expression());
            }
        }
    }

    /** True if the table has a VIRTUAL generated column. */
    public boolean any() {
        for (ParsedExpression e : expressions) {
            if (e != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the value of every VIRTUAL generated column in {@code values} (table column order) by its computed
     * value. A column that cannot be computed is NULL; the returned messages (empty when all were computed) say
     * which column and why.
     */
    public List<String> compute(Value[] values, Long rowid) {
        List<String> problems = new ArrayList<>();
        new Row(values, rowid, problems).computeAll();
        return problems;
    }

    /** One row being completed; tracks which generated columns are done or in progress. */
    private final class Row implements RowContext {
        private final Value[] values;
        private final Long rowid;
        private final List<String> problems;
        private final byte[] state;

        @Override
        public TextEncoding encoding() {
            return encoding;
        }

        Row(Value[] values, Long rowid, List<String> problems) {
            this.values = values;
            this.rowid = rowid;
            this.problems = problems;
            this.state = new byte[values.length];
        }

        void computeAll() {
            for (int i = 0; i < values.length; i++) {
                if (expressions[i] != null) {
                    compute(i);
                }
            }
        }

        private void compute(int i) {
            if (state[i] != 0) {
                if (state[i] == 1) {
                    throw new NotEvaluableException("generated column " + columns.get(i).name() + " refers to itself");
                }
                return;
            }
            state[i] = 1;
            Evaluation e;
            try {
                e = Evaluator.evaluate(expressions[i], this);
            } finally {
                state[i] = 2;
            }
            if (e instanceof Evaluation.Evaluated ok) {
                Column c = columns.get(i);
                values[i] = c.affinity() == null ? ok.value() : JavaValues.fromJava(c.affinity().apply(JavaValues.toJava(ok.value())));
            } else {
                values[i] = NullValue.INSTANCE;
                problems.add("generated column " + columns.get(i).name() + " not computed ("
                        + ((Evaluation.NotEvaluable) e).reason() + "); shown as NULL");
            }
        }

        @Override
        public ColumnBinding column(String name) {
            Integer i = byName.get(RowContext.fold(name));
            if (i == null || i >= values.length) {
                return null;
            }
            if (expressions[i] != null) {
                compute(i);
            }
            Column c = columns.get(i);
            Value v = values[i] == null ? NullValue.INSTANCE : values[i];
            return new ColumnBinding(c.name(), v, c.affinity(), c.collation());
        }

        @Override
        public Long rowid() {
            return rowid;
        }
    }
}
