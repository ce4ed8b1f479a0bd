package dev.loupe.format.schema;

/**
 * One term of an index key, a PRIMARY KEY or a UNIQUE constraint. A table column has {@code column} (its name as
 * the table declares it) and {@code tableColumn} (its position); an expression has {@code expression} (its text)
 * and tableColumn -1. The rowid has neither name nor expression and tableColumn -1 ({@link #isRowid()}). On a
 * damaged schema a name that matches no column keeps its name with tableColumn -1 (and a problem is reported).
 * {@code collation} is the effective collating sequence: the explicit COLLATE, else the column's, else "BINARY".
 */
public record IndexedColumn(String column, String expression, int tableColumn, String collation, boolean descending) {

    static IndexedColumn rowid() {
        return new IndexedColumn(null, null, -1, "BINARY", false);
    }

    public boolean isRowid() {
        return column == null && expression == null;
    }

    public boolean isExpression() {
        return expression != null;
    }
}
