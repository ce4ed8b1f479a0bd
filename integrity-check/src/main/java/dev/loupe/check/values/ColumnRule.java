package dev.loupe.check.values;

import dev.loupe.check.Literals;
import dev.loupe.check.FindingCode;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;
import dev.loupe.format.schema.Column;
import dev.loupe.format.schema.DefaultValue;
import dev.loupe.format.schema.Table;

/**
 * What PRAGMA integrity_check (3.40, pragma.c "Verify datatypes for all columns") checks in one column:
 * (1) a NOT NULL column holds no NULL; (2) a STRICT column other than ANY holds its type or NULL (REAL also takes
 * integers); (3) a TEXT-affinity column of an ordinary table holds no INTEGER or REAL ("NUMERIC value");
 * (4) a NUMERIC, INTEGER or REAL affinity column holds no text that NUMERIC affinity would turn into a number
 * ("TEXT value"). BLOB-affinity and ANY columns get only (1); the INTEGER PRIMARY KEY (the rowid) gets nothing.
 * A NULL in a NOT NULL column is reported once, without the type check.
 */
final class ColumnRule {

    /** The kind of type check a column gets besides NOT NULL. */
    private enum TypeCheck { NONE, STRICT, TEXT_AFFINITY, NUMERIC_AFFINITY }

    private final String table;
    private final Column column;
    private final int index;
    private final TypeCheck typeCheck;
    private final int strictMask;
    private final int field;
    private final int defaultClass;
    /** "T.C" as SQLite names the column in its lines: built once, not per row. */
    private final String where;

    private ColumnRule(String table, Column column, int index, TypeCheck typeCheck, int strictMask, int field) {
        this.table = table;
        this.column = column;
        this.index = index;
        this.typeCheck = typeCheck;
        this.strictMask = strictMask;
        this.field = field;
        this.defaultClass = defaultClass(column);
        this.where = table + "." + column.name();
    }

    /**
     * The storage class of the column's DEFAULT with its affinity applied (sqlite3ValueFromExpr), NULL when there is
     * none or it is not a constant: what OP_IsType assumes for a field past the parsed header.
     */
    private static int defaultClass(Column c) {
        DefaultValue d = c.defaultValue();
        if (d == null || !d.constant() || d.value() == null) {
            return StorageClass.NULL;
        }
        // REAL affinity keeps an integral default an integer here (EXPLAIN shows p4 = INTEGER for DEFAULT 5)
        Affinity a = c.affinity() == Affinity.REAL ? Affinity.NUMERIC : c.affinity();
        Object o = a == null ? d.value() : a.apply(d.value());
        if (o instanceof Long) {
            return StorageClass.INTEGER;
        }
        if (o instanceof Double) {
            return StorageClass.REAL;
        }
        if (o instanceof String) {
            return StorageClass.TEXT;
        }
        return o instanceof byte[] ? StorageClass.BLOB : StorageClass.NULL;
    }

    /** The rule for column {@code i} of {@code t}, or null when integrity_check checks nothing there. */
    static ColumnRule of(Table t, int i) {
        if (!t.withoutRowid() && i == t.rowidAliasColumn()) {
            return null;
        }
        Column c = t.columns().get(i);
        TypeCheck check = TypeCheck.NONE;
        int mask = 0;
        if (t.strict()) {
            mask = strictMask(c.declaredType());
            if (mask != 0) {
                check = TypeCheck.STRICT;
            }
        } else if (c.affinity() == Affinity.TEXT) {
            check = TypeCheck.TEXT_AFFINITY;
        } else if (c.affinity() == Affinity.NUMERIC || c.affinity() == Affinity.INTEGER
                || c.affinity() == Affinity.REAL) {
            check = TypeCheck.NUMERIC_AFFINITY;
        }
        if (!c.notNull() && check == TypeCheck.NONE) {
            return null;
        }
        return new ColumnRule(t.name(), c, i, check, mask, recordField(t, i));
    }

    /** The record field that stores table column {@code i}, -1 for a VIRTUAL generated column (not stored). */
    private static int recordField(Table t, int i) {
        int[] map = t.recordColumns();
        for (int pos = 0; pos < map.length; pos++) {
            if (map[pos] == i) {
                return pos;
            }
        }
        return -1;
    }

    /** Accepted storage classes of a STRICT column type (NULL always); 0 for ANY, which is not checked. */
    private static int strictMask(String type) {
        String t = type == null ? "" : type.toUpperCase(java.util.Locale.ROOT);
        return switch (t) {
            case "INT", "INTEGER" -> StorageClass.INTEGER | StorageClass.NULL;
            case "REAL" -> StorageClass.INTEGER | StorageClass.REAL | StorageClass.NULL;
            case "TEXT" -> StorageClass.TEXT | StorageClass.NULL;
            case "BLOB" -> StorageClass.BLOB | StorageClass.NULL;
            default -> 0;
        };
    }

    int index() {
        return index;
    }

    /** The record field that stores the column, -1 for a VIRTUAL generated column. */
    int field() {
        return field;
    }

    /**
     * True when a value of storage class {@code storageClass} read from the record breaks no rule of this column,
     * so that neither {@link #check} nor, at the start of a row, {@link #sqlite340} has anything to say. A REAL
     * column's integer is INTEGER here and REAL once decoded; no rule tells the two apart.
     */
    boolean quiet(int storageClass) {
        if (column.notNull() && storageClass == StorageClass.NULL) {
            return false;
        }
        return switch (typeCheck) {
            case STRICT -> (strictMask & storageClass) != 0;
            case TEXT_AFFINITY -> storageClass != StorageClass.INTEGER && storageClass != StorageClass.REAL;
            case NUMERIC_AFFINITY -> storageClass != StorageClass.TEXT;
            default -> true;
        };
    }

    Column column() {
        return column;
    }

    /**
     * The line SQLite 3.40.1 prints for this column given its value {@code v}, or null, replaying its byte code
     * against {@code cursor} (see {@link Cursor340}); the caller reports OP_ResultRow to the cursor.
     */
    String sqlite340(Value v, Cursor340 cursor) {
        int actual = StorageClass.of(v);
        int typed = field < 0 || cursor.typeFromRecord(field) ? actual : defaultClass;
        String where = this.where;
        if (column.notNull() && typed == StorageClass.NULL) {
            return "NULL value in " + where;
        }
        switch (typeCheck) {
            case STRICT:
                return (strictMask & typed) == 0 ? "non-" + column.declaredType().toUpperCase(java.util.Locale.ROOT)
                        + " value in " + where : null;
            case TEXT_AFFINITY:
                return typed == StorageClass.INTEGER || typed == StorageClass.REAL ? "NUMERIC value in " + where : null;
            case NUMERIC_AFFINITY:
                if (typed != StorageClass.TEXT) {
                    return null;
                }
                if (field >= 0) {
                    cursor.column(field);
                }
                // OP_Column reads the stored value (a NaN reads as NULL), then NUMERIC affinity is applied to it
                boolean nan = v instanceof dev.loupe.format.record.RealValue r && Double.isNaN(r.value());
                boolean number = !nan && (actual == StorageClass.INTEGER || actual == StorageClass.REAL
                        || v instanceof TextValue t && !(Affinity.NUMERIC.apply(t.value()) instanceof String));
                return number ? "TEXT value in " + where : null;
            default:
                return null;
        }
    }

    /** The violation {@code v} (the column's value in the row) commits, or null. */
    Violation check(Value v) {
        int cls = StorageClass.of(v);
        String where = this.where;
        if (column.notNull() && cls == StorageClass.NULL) {
            return new Violation(FindingCode.NOT_NULL_VIOLATED, "NULL value in " + where,
                    where + " is NULL but the column is NOT NULL");
        }
        switch (typeCheck) {
            case STRICT:
                if ((strictMask & cls) == 0) {
                    String type = column.declaredType().toUpperCase(java.util.Locale.ROOT);
                    return new Violation(FindingCode.STRICT_TYPE_VIOLATED, "non-" + type + " value in " + where,
                            where + " holds " + v.typeName() + " " + Literals.brief(v) + " in a STRICT " + type
                                    + " column");
                }
                return null;
            case TEXT_AFFINITY:
                if (cls == StorageClass.INTEGER || cls == StorageClass.REAL) {
                    return new Violation(FindingCode.AFFINITY_VIOLATED, "NUMERIC value in " + where,
                            where + " holds " + v.typeName() + " " + Literals.brief(v)
                                    + " in a column of TEXT affinity, which would have stored it as text");
                }
                return null;
            case NUMERIC_AFFINITY:
                if (v instanceof TextValue t && !(Affinity.NUMERIC.apply(t.value()) instanceof String)) {
                    return new Violation(FindingCode.AFFINITY_VIOLATED, "TEXT value in " + where,
                            where + " holds text " + Literals.brief(v) + " that looks like a number in a column of "
                                    + column.affinity() + " affinity, which would have stored it as a number");
                }
                return null;
            default:
                return null;
        }
    }

    /** One broken rule: its finding code, the 3.40 integrity_check line and a plain message. */
    record Violation(FindingCode code, String sqlite, String message) {
    }
}
