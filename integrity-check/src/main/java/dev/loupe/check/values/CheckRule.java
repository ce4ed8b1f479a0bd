package dev.loupe.check.values;

import dev.loupe.format.expr.Evaluation;
import dev.loupe.format.expr.Evaluator;
import dev.loupe.format.expr.Expression;
import dev.loupe.format.expr.ParsedExpression;
import dev.loupe.format.expr.RowContext;
import dev.loupe.format.expr.Unary;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.schema.CheckConstraint;

/**
 * One CHECK constraint, parsed once. SQLite's integrity_check fails a row when the expression is false; NULL passes
 * (sqlite3ExprIfFalse does not jump on NULL). The expression is evaluated as NOT (expr), which is 1 exactly when
 * the expression is false. Rows where it cannot be evaluated are counted, never guessed.
 */
final class CheckRule {

    /** Whether a row satisfies the constraint. */
    enum Outcome { PASSED, FAILED, UNKNOWN }

    private final CheckConstraint constraint;
    private final ParsedExpression negated;
    private long unknownRows;
    private long firstUnknownPosition;
    private String firstReason;

    CheckRule(CheckConstraint constraint) {
        this.constraint = constraint;
        this.negated = new Unary(Unary.Operator.NOT, Expression.parse(constraint.expression()));
    }

    CheckConstraint constraint() {
        return constraint;
    }

    /** The outcome for {@code row} with no bookkeeping: for a first look that may be repeated by {@link #evaluate}. */
    Outcome test(RowContext row) {
        Evaluation e = Evaluator.evaluate(negated, row);
        if (e instanceof Evaluation.Evaluated ok) {
            return ok.value() instanceof IntegerValue i && i.value() == 1 ? Outcome.FAILED : Outcome.PASSED;
        }
        return Outcome.UNKNOWN;
    }

    Outcome evaluate(RowContext row, long position) {
        Evaluation e = Evaluator.evaluate(negated, row);
        if (e instanceof Evaluation.Evaluated ok) {
            return ok.value() instanceof IntegerValue i && i.value() == 1 ? Outcome.FAILED : Outcome.PASSED;
        }
        if (unknownRows++ == 0) {
            firstUnknownPosition = position;
            firstReason = ((Evaluation.NotEvaluable) e).reason();
        }
        return Outcome.UNKNOWN;
    }

    /** The first unknown row failed because of a generated column that was not computed: say so. */
    void noteUncomputed(String reason) {
        if (unknownRows == 1) {
            firstReason = reason;
        }
    }

    /**
     * Folds in the counts of the same rule over a later part of the table's scan, whose positions count from 1 after
     * {@code rowsBefore} rows (a walk split across threads).
     */
    void merge(CheckRule part, long rowsBefore) {
        if (unknownRows == 0 && part.unknownRows > 0) {
            firstUnknownPosition = rowsBefore + part.firstUnknownPosition;
            firstReason = part.firstReason;
        }
        unknownRows += part.unknownRows;
    }

    long unknownRows() {
        return unknownRows;
    }

    long firstUnknownPosition() {
        return firstUnknownPosition;
    }

    String firstReason() {
        return firstReason;
    }
}
