package dev.loupe.repro.diff;

import dev.loupe.format.schema.Affinity;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.Index;
import dev.loupe.format.schema.IndexedColumn;
import dev.loupe.format.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * What each value of a b-tree's records is, for messages and for telling a value from its encoding: the column name
 * (or "rowid", or the index expression) and whether it has REAL affinity (SQLite stores integral reals of such
 * columns as integers, datatype3 §3.2, so integer 1 and real 1.0 there are the same value).
 */
record RecordColumns(List<String> names, List<Boolean> real) {

    static final RecordColumns NONE = new RecordColumns(List.of(), List.of());

    /** The record of a rowid or WITHOUT ROWID table: {@link Table#recordColumns()} in order. */
    static RecordColumns of(Table t) {
        List<String> names = new ArrayList<>();
        List<Boolean> real = new ArrayList<>();
        for (int c : t.recordColumns()) {
            Column col = c >= 0 && c < t.columns().size() ? t.columns().get(c) : null;
            names.add(col == null ? "?" : col.name());
            real.add(col != null && col.affinity() == Affinity.REAL);
        }
        return new RecordColumns(names, real);
    }

    /** An index record: its key terms, then the rowid or the primary key columns. */
    static RecordColumns of(Index index, Table table) {
        List<String> names = new ArrayList<>();
        List<Boolean> real = new ArrayList<>();
        for (IndexedColumn c : index.recordColumns()) {
            Column col = table != null && c.tableColumn() >= 0 && c.tableColumn() < table.columns().size()
                    ? table.columns().get(c.tableColumn()) : null;
            names.add(c.isRowid() ? "rowid" : c.isExpression() ? c.expression() : c.column());
            real.add(col != null && col.affinity() == Affinity.REAL);
        }
        return new RecordColumns(names, real);
    }

    /** "column b", "column 3" when unnamed. */
    String name(int i) {
        return i < names.size() ? "column " + names.get(i) : "column " + i;
    }

    boolean real(int i) {
        return i < real.size() && real.get(i);
    }
}
