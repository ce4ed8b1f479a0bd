package dev.loupe.format.expr;

import dev.loupe.format.record.Collation;

import java.util.ArrayList;
import java.util.List;

/**
 * Which collating sequence a comparison uses (datatype3 §7.1; expr.c sqlite3ExprCollSeq,
 * sqlite3BinaryCompareCollSeq): an explicit COLLATE anywhere in the left operand, else in the right one, else the
 * collation of a column operand, left first (a column without a COLLATE clause has BINARY, so {@code t < c} uses
 * t's BINARY even when c is NOCASE), else BINARY.
 */
final class Collations {

    private Collations() {
    }

    static Collation forComparison(ParsedExpression left, ParsedExpression right, RowContext row) {
        Collation c;
        if (hasExplicit(left)) {
            c = of(left, row);
        } else if (hasExplicit(right)) {
            c = of(right, row);
        } else {
            c = of(left, row);
            if (c == null) {
                c = of(right, row);
            }
        }
        return c == null ? Collation.BINARY : c;
    }

    /** The collation an expression carries, or null when it has none. */
    static Collation of(ParsedExpression e, RowContext row) {
        while (true) {
            if (e instanceof Collate c) {
                return Evaluator.collation(c.collation());
            }
            if (e instanceof Cast c) {
                e = c.operand();
            } else if (e instanceof Unary u && u.operator() == Unary.Operator.PLUS) {
                e = u.operand();
            } else if (e instanceof ColumnRef c) {
                // A column always has a collating sequence: its COLLATE clause, else BINARY.
                RowContext.ColumnBinding b = row.column(c.name());
                if (b == null) {
                    return null;
                }
                return b.collation() == null ? Collation.BINARY : Evaluator.collation(b.collation());
            } else {
                ParsedExpression next = explicitChild(e);
                if (next == null) {
                    return null;
                }
                e = next;
            }
        }
    }

    /** The first operand (left first) whose subtree has an explicit COLLATE, or null. */
    private static ParsedExpression explicitChild(ParsedExpression e) {
        for (ParsedExpression child : children(e)) {
            if (hasExplicit(child)) {
                return child;
            }
        }
        return null;
    }

    static boolean hasExplicit(ParsedExpression e) {
        if (e instanceof Collate) {
            return true;
        }
        for (ParsedExpression child : children(e)) {
            if (hasExplicit(child)) {
                return true;
            }
        }
        return false;
    }

    private static List<ParsedExpression> children(ParsedExpression e) {
        List<ParsedExpression> out = new ArrayList<>();
        if (e instanceof Unary u) {
            out.add(u.operand());
        } else if (e instanceof Binary b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof Cast c) {
            out.add(c.operand());
        } else if (e instanceof FunctionCall f) {
            out.addAll(f.arguments());
        } else if (e instanceof Like l) {
            out.add(l.operand());
            out.add(l.pattern());
        } else if (e instanceof IsNull n) {
            out.add(n.operand());
        } else if (e instanceof Between b) {
            out.add(b.operand());
        } else if (e instanceof In in) {
            out.add(in.operand());
        }
        return out;
    }
}
