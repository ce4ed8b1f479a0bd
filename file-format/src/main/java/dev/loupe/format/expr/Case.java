package dev.loupe.format.expr;

import java.util.List;

/** {@code CASE [base] WHEN w THEN t ... [ELSE e] END}; {@code base} and {@code otherwise} may be null. */
public record Case(ParsedExpression base, List<When> whens, ParsedExpression otherwise) implements ParsedExpression {

    public Case {
        whens = List.copyOf(whens);
    }

    public record When(ParsedExpression condition, ParsedExpression result) {
    }
}
