package dev.loupe.format.expr;

/** Unwinds an evaluation that met something it cannot compute exactly; caught by {@link Evaluator}. */
final class NotEvaluableException extends RuntimeException {

    NotEvaluableException(String reason) {
        super(reason, null, false, false);
    }
}
