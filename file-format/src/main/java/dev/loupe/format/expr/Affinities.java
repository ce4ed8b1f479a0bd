package dev.loupe.format.expr;

import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;

/**
 * Affinity of expressions and of comparisons (datatype3 §4.2; expr.c sqlite3ExprAffinity, sqlite3CompareAffinity).
 * A column reference has its column's affinity (BLOB counts as one), CAST(x AS t) has t's, COLLATE passes its
 * operand's through; anything else, unary + included, has none.
 */
final class Affinities {

    /** What a comparison applies to its operands before comparing. */
    enum Kind { NONE, NUMERIC, TEXT }

    private Affinities() {
    }

    /** The affinity of an expression, or null for none. */
    static Affinity of(ParsedExpression e, RowContext row) {
        while (e instanceof Collate c) {
            e = c.operand();
        }
        if (e instanceof ColumnRef c) {
            RowContext.ColumnBinding b = row.column(c.name());
            if (b != null) {
                return b.affinity() == null ? Affinity.BLOB : b.affinity();
            }
            String n = RowContext.fold(c.name());
            if (n.equals("rowid") || n.equals("oid") || n.equals("_rowid_")) {
                return Affinity.INTEGER;
            }
            return null;
        }
        if (e instanceof Cast c) {
            return Affinity.of(c.typeName());
        }
        return null;
    }

    /**
     * If either side is numeric (INTEGER, REAL, NUMERIC) and both have an affinity: NUMERIC; both with an
     * affinity otherwise: none. If only one side has one: that one (TEXT or numeric; BLOB means none).
     */
    static Kind comparison(Affinity a, Affinity b) {
        if (a != null && b != null) {
            return isNumeric(a) || isNumeric(b) ? Kind.NUMERIC : Kind.NONE;
        }
        Affinity only = a != null ? a : b;
        if (only == null || only == Affinity.BLOB) {
            return Kind.NONE;
        }
        return only == Affinity.TEXT ? Kind.TEXT : Kind.NUMERIC;
    }

    private static boolean isNumeric(Affinity a) {
        return a == Affinity.INTEGER || a == Affinity.REAL || a == Affinity.NUMERIC;
    }

    /**
     * The operands as OP_Eq/OP_Lt see them (vdbe.c): NUMERIC turns text that is wholly a number into one; TEXT
     * renders numbers as text, but only when one operand is text.
     */
    static Value[] applyForComparison(Kind kind, Value l, Value r) {
        if (kind == Kind.NUMERIC) {
            return new Value[] {numeric(l), numeric(r)};
        }
        if (kind == Kind.TEXT && (l instanceof TextValue || r instanceof TextValue)) {
            return new Value[] {text(l), text(r)};
        }
        return new Value[] {l, r};
    }

    private static Value numeric(Value v) {
        if (v instanceof TextValue t) {
            Value n = SqlNumbers.numericIfPure(t.value());
            return n == null ? v : n;
        }
        return v;
    }

    private static Value text(Value v) {
        return v instanceof IntegerValue || v instanceof RealValue ? new TextValue(Coerce.text(v)) : v;
    }
}
