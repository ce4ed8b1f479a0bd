package dev.loupe.format.expr;

import dev.loupe.format.record.Value;

import java.util.List;

/** Unwinds an evaluation that met something it cannot compute exactly; caught by {@link Evaluator}. */
final class NotEvaluableException extends RuntimeException {

    /**
     * Where the value depends on the SQLite version but every version's answer is known (json_valid(NULL): 0 in
     * 3.40, NULL later), those answers, else null; and the function call that gives them, set as the exception
     * leaves it. {@link Evaluator} then evaluates the whole expression once with each answer, and where all the
     * results agree the value is known after all.
     */
    private final List<Value> candidates;
    private final ParsedExpression origin;
    /**
     * The values the whole expression takes with each of the answers of its uncertain calls, when each answer gave
     * one and they do not all agree (set by {@link Evaluator}); else null.
     */
    private final List<Value> results;

    NotEvaluableException(String reason) {
        this(reason, null, null, null);
    }

    /** A value without an error in every SQLite version, one of {@code candidates} depending on the version. */
    NotEvaluableException(String reason, List<Value> candidates) {
        this(reason, List.copyOf(candidates), null, null);
    }

    private NotEvaluableException(String reason, List<Value> candidates, ParsedExpression origin,
                                  List<Value> results) {
        super(reason, null, false, false);
        this.candidates = candidates;
        this.origin = origin;
        this.results = results;
    }

    List<Value> candidates() {
        return candidates;
    }

    /** The call whose value is one of {@link #candidates}, or null. */
    ParsedExpression origin() {
        return origin;
    }

    /** The values the expression may have, one per SQLite version's answers (see {@link #results}), or null. */
    List<Value> results() {
        return results;
    }

    /** This exception with the expression's possible values {@code values} (distinct, two or more). */
    NotEvaluableException withResults(List<Value> values) {
        return new NotEvaluableException(getMessage(), candidates, origin, List.copyOf(values));
    }

    /** This exception as it leaves the evaluation of {@code e}: the first expression it leaves is its origin. */
    NotEvaluableException leaving(ParsedExpression e) {
        return candidates == null || origin != null ? this : new NotEvaluableException(getMessage(), candidates, e, results);
    }
}
