package dev.loupe.format.expr;

/** Unwinds an evaluation that met something it cannot compute exactly; caught by {@link Evaluator}. */
final class NotEvaluableException extends RuntimeException {

    /**
     * Set where SQLite is known to compute some value without an error, and only which value is not known (it
     * depends on the SQLite version, as {@code json_valid(NULL)} does). As the exception unwinds through operators
     * that raise no error in SQLite (comparisons, arithmetic, NOT, AND, OR, IS NULL, BETWEEN, IN, CAST), the
     * expression it unwinds through is still some value, and {@link #someValueOf} names the highest of them; a
     * function of it or a CASE choosing by it might raise an error, and ends that. An AND or OR whose operand is
     * {@link #someValueOf} may still be decided by its other operand.
     */
    private final boolean someValue;
    private final ParsedExpression someValueOf;

    NotEvaluableException(String reason) {
        this(reason, false, null);
    }

    NotEvaluableException(String reason, boolean someValue) {
        this(reason, someValue, null);
    }

    private NotEvaluableException(String reason, boolean someValue, ParsedExpression someValueOf) {
        super(reason, null, false, false);
        this.someValue = someValue;
        this.someValueOf = someValueOf;
    }

    /**
     * This exception as it leaves the evaluation of {@code e}: still some value of {@code e} where it comes from
     * {@code e} itself (the call that threw it) or from an operand of {@code e} that raises no error.
     */
    NotEvaluableException leaving(ParsedExpression e, boolean raisesNoError) {
        if (!someValue || someValueOf == e) {
            return this;
        }
        return new NotEvaluableException(getMessage(), someValueOf == null || raisesNoError,
                someValueOf == null || raisesNoError ? e : null);
    }

    /** True if {@code e} is some value SQLite computes without an error, which one unknown. */
    boolean isSomeValueOf(ParsedExpression e) {
        return someValue && someValueOf == e;
    }
}
