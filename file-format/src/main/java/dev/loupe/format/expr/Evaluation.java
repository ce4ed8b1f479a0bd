package dev.loupe.format.expr;

import dev.loupe.format.record.Value;

import java.util.Objects;

/** The outcome of evaluating an expression: a value, or the reason it cannot be evaluated without guessing. */
public sealed interface Evaluation {

    record Evaluated(Value value) implements Evaluation {
        public Evaluated {
            Objects.requireNonNull(value, "value");
        }
    }

    record NotEvaluable(String reason) implements Evaluation {
        public NotEvaluable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
