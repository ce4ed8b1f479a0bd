package dev.loupe.format.table;

import dev.loupe.format.Database;
import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.IndexInteriorCell;
import dev.loupe.format.btree.IndexLeafCell;
import dev.loupe.format.btree.Payload;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.expr.GeneratedColumns;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.JavaValues;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.Record;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.DefaultValue;
import dev.loupe.format.schema.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one cell of a table's b-tree into the row SQLite would return for it (see {@link TableReader}): the record
 * decoded, its values put in table column order with the rowid alias, REAL affinity, defaults of later-added
 * columns and VIRTUAL generated columns. One decoder per table; not thread-safe.
 */
public final class RowDecoder {

    private final Table table;
    private final PayloadReader payloads;
    private final RecordDecoder records;
    private final RowShaper shaper;

    public RowDecoder(Database db, Table table) {
        this(db, table, false);
    }

    /** @param checkText also report text that is not valid in the database encoding (a deeper check) */
    public RowDecoder(Database db, Table table, boolean checkText) {
        this(table, new PayloadReader(db.pages(), db.usableSize()), new RecordDecoder(db.encoding(), checkText));
    }

    RowDecoder(Table table, PayloadReader payloads, RecordDecoder records) {
        this.table = table;
        this.payloads = payloads;
        this.records = records;
        this.shaper = new RowShaper(table, records.encoding());
    }

    /**
     * The row a cell holds: a leaf cell of a rowid table, or any cell of a WITHOUT ROWID table's b-tree. Null for
     * cells that hold no row (interior cells of a rowid table, cells of the wrong kind).
     *
     * @throws UncheckedIOException if an overflow page cannot be read
     */
    public Row decode(BTreePage page, Cell cell) {
        if (!holdsRow(cell)) {
            return null;
        }
        return cell instanceof TableLeafCell leaf ? shape(page, leaf, leaf.rowid(), shaper)
                : shape(page, (PayloadCell) cell, null, shaper);
    }

    /**
     * Whether {@code cell} holds a row of this table: a leaf cell of a rowid table, any cell of a WITHOUT ROWID
     * table's index b-tree (interior cells hold rows too).
     */
    public boolean holdsRow(Cell cell) {
        return table.withoutRowid() ? cell instanceof IndexLeafCell || cell instanceof IndexInteriorCell
                : cell instanceof TableLeafCell;
    }

    private Row shape(BTreePage page, PayloadCell cell, Long rowid, RowShaper shaper) {
        try {
            Payload payload = payloads.read(page.data(), cell.payload());
            // the table's columns and one more, to tell that a record holds more than the table stores
            Record record = records.decode(payload, shaper.recordColumns.length + 1);
            List<Problem> problems = new ArrayList<>(cell.problems());
            problems.addAll(payload.problems());
            problems.addAll(record.problems());
            Value[] values = shaper.shape(record, rowid, problems, cell);
            return new Row(rowid, Arrays.asList(values), page.number(), cell.index(),
                    problems.isEmpty() ? List.of() : List.copyOf(problems));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps record positions to table columns, once per table. */
    private static final class RowShaper {
        private final Table table;
        private final int[] recordColumns;
        private final Affinity[] affinity;
        private final Value[] defaults;
        private final int alias;
        private final GeneratedColumns generated;

        RowShaper(Table table, TextEncoding encoding) {
            this.table = table;
            this.recordColumns = table.recordColumns();
            List<Column> cols = table.columns();
            this.affinity = new Affinity[cols.size()];
            this.defaults = new Value[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                Column c = cols.get(i);
                affinity[i] = c.affinity();
                defaults[i] = defaultValue(c);
            }
            this.alias = table.withoutRowid() ? -1 : table.rowidAliasColumn();
            GeneratedColumns g = new GeneratedColumns(table, encoding);
            this.generated = g.any() ? g : null;
        }

        Value[] shape(Record record, Long rowid, List<Problem> problems, Cell cell) {
            Value[] out = new Value[affinity.length];
            boolean[] seen = new boolean[affinity.length];
            int n = Math.min(record.columnCount(), recordColumns.length);
            for (int pos = 0; pos < n; pos++) {
                int col = recordColumns[pos];
                if (col < 0 || col >= out.length) {
                    continue;
                }
                Value v = record.value(pos);
                if (v == null) {
                    v = NullValue.INSTANCE;
                    problems.add(new Problem(ProblemKind.ROW_VALUE, cell.span(), "column "
                            + table.columns().get(col).name() + " could not be read; shown as NULL"));
                }
                out[col] = affinity[col] == Affinity.REAL && v instanceof IntegerValue i ? new RealValue(i.value()) : v;
                seen[col] = true;
            }
            if (record.columnCount() > recordColumns.length) {
                problems.add(new Problem(ProblemKind.ROW_VALUE, cell.span(), "record has more columns than the "
                        + recordColumns.length + " the table stores"));
            }
            for (int col = 0; col < out.length; col++) {
                if (col == alias && rowid != null) {
                    out[col] = IntegerValue.of(rowid);
                } else if (!seen[col]) {
                    out[col] = defaults[col];
                }
            }
            if (generated != null) {
                for (String message : generated.compute(out, rowid)) {
                    problems.add(new Problem(ProblemKind.ROW_VALUE, cell.span(), message));
                }
            }
            return out;
        }

        /**
         * The value a column has in a record too short to hold it: its DEFAULT with the column's affinity applied
         * (SQLite evaluates the default expression with the column affinity, sqlite3ValueFromExpr), NULL when none.
         */
        private static Value defaultValue(Column c) {
            DefaultValue d = c.defaultValue();
            if (d == null || !d.constant() || d.value() == null) {
                return NullValue.INSTANCE;
            }
            Object o = d.value();
            if (c.affinity() == Affinity.TEXT && (o instanceof Long || o instanceof Double)) {
                // A numeric literal default keeps its literal spelling under TEXT affinity ("1e20" stays "1e20").
                return new TextValue(numericLiteralText(d.text(), o));
            }
            return JavaValues.fromJava(c.affinity() == null ? o : c.affinity().apply(o));
        }

        private static String numericLiteralText(String text, Object v) {
            if (text == null) {
                return String.valueOf(v);
            }
            String t = text.strip();
            while (t.startsWith("(") && t.endsWith(")")) {
                t = t.substring(1, t.length() - 1).strip();
            }
            if (t.startsWith("+")) {
                t = t.substring(1).strip();
            }
            return t.replace(" ", "");
        }
    }
}
