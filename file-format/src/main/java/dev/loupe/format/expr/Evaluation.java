package dev.loupe.format.expr;

import dev.loupe.format.record.Value;

import java.util.List;
import java.util.Objects;

/** The outcome of evaluating an expression: a value, or the reason it cannot be evaluated without guessing. */
public sealed interface Evaluation {

    record Evaluated(Value value) implements Evaluation {
        public Evaluated {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param possible where the value depends on the SQLite version and each version's is known (a day past its
     *                 month's end: written as it is by 3.40, normalised by later versions), those values (two or
     *                 more, distinct); else null
     */
    record NotEvaluable(String reason, List<Value> possible) implements Evaluation {
        public NotEvaluable {
            Objects.requireNonNull(reason, "reason");
            possible = possible == null ? null : List.copyOf(possible);
        }

        public NotEvaluable(String reason) {
            this(reason, null);
        }
    }
}
