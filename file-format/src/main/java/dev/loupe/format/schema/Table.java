package dev.loupe.format.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table (fileformat2 §2.6, lang_createtable.html). For a virtual table ({@code virtual}) the columns are unknown
 * (the module declares them at run time) and {@code module} and {@code moduleArguments} hold the USING clause.
 *
 * <p>{@code rowidAliasColumn} is the INTEGER PRIMARY KEY column whose value is the rowid, or -1: SQLite makes a
 * column the alias when it alone is the PRIMARY KEY of a rowid table and its declared type is exactly INTEGER
 * (any case, quotes removed), except when the column definition itself says PRIMARY KEY DESC (a table-level
 * PRIMARY KEY(x DESC) still makes an alias). {@code primaryKey} lists the PRIMARY KEY terms; for a WITHOUT ROWID
 * table repeated terms are dropped, as SQLite drops them. {@code constraints} holds every PRIMARY KEY, UNIQUE,
 * CHECK and FOREIGN KEY clause in the order written. {@code recordColumns} maps each value of the table's b-tree
 * record to the table column it holds: for rowid tables the columns in order minus VIRTUAL generated ones; for
 * WITHOUT ROWID tables the primary key columns in key order, then the other stored columns in order.
 */
public record Table(String name, long rootPage, String sql, List<Column> columns, boolean withoutRowid,
                    boolean strict, boolean virtual, String module, List<String> moduleArguments,
                    int rowidAliasColumn, List<IndexedColumn> primaryKey, boolean autoincrement,
                    List<TableConstraint> constraints, int[] recordColumns) implements SchemaObject {

    public Table {
        columns = List.copyOf(columns);
        moduleArguments = List.copyOf(moduleArguments);
        primaryKey = List.copyOf(primaryKey);
        constraints = List.copyOf(constraints);
        recordColumns = recordColumns.clone();
    }

    @Override
    public String tableName() {
        return name;
    }

    @Override
    public int[] recordColumns() {
        return recordColumns.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table t && name.equals(t.name) && rootPage == t.rootPage && Objects.equals(sql, t.sql)
                && columns.equals(t.columns) && withoutRowid == t.withoutRowid && strict == t.strict
                && virtual == t.virtual && Objects.equals(module, t.module)
                && moduleArguments.equals(t.moduleArguments) && rowidAliasColumn == t.rowidAliasColumn
                && primaryKey.equals(t.primaryKey) && autoincrement == t.autoincrement
                && constraints.equals(t.constraints) && Arrays.equals(recordColumns, t.recordColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rootPage, sql, columns, withoutRowid, strict, virtual, module, moduleArguments,
                rowidAliasColumn, primaryKey, autoincrement, constraints) * 31 + Arrays.hashCode(recordColumns);
    }

    @Override
    public String toString() {
        return "Table[name=" + name + ", rootPage=" + rootPage + ", columns=" + columns + ", withoutRowid="
                + withoutRowid + ", strict=" + strict + ", virtual=" + virtual + ", module=" + module
                + ", moduleArguments=" + moduleArguments + ", rowidAliasColumn=" + rowidAliasColumn + ", primaryKey="
                + primaryKey + ", autoincrement=" + autoincrement + ", constraints=" + constraints
                + ", recordColumns=" + Arrays.toString(recordColumns) + ", sql=" + sql + "]";
    }

    /** True for an ordinary table keyed by rowid (neither WITHOUT ROWID nor virtual). */
    public boolean hasRowid() {
        return !withoutRowid && !virtual;
    }

    /** Index of the column named {@code columnName} (compared as SQLite does, ignoring ASCII case), or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (AsciiCase.equalsIgnoreCase(columns.get(i).name(), columnName)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Column> column(String columnName) {
        int i = columnIndex(columnName);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
    }

    /** UNIQUE constraints, column-level and table-level, in the order written. */
    public List<UniqueConstraint> uniqueConstraints() {
        return only(UniqueConstraint.class);
    }

    /** CHECK constraints, column-level and table-level, in the order written. */
    public List<CheckConstraint> checkConstraints() {
        return only(CheckConstraint.class);
    }

    /** Foreign keys, column-level and table-level, in the order written. */
    public List<ForeignKeyConstraint> foreignKeys() {
        return only(ForeignKeyConstraint.class);
    }

    private <T extends TableConstraint> List<T> only(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (TableConstraint c : constraints) {
            if (kind.isInstance(c)) {
                out.add(kind.cast(c));
            }
        }
        return List.copyOf(out);
    }
}
