package dev.loupe.format.expr;

/** {@code operand [NOT] BETWEEN low AND high}. */
public record Between(ParsedExpression operand, ParsedExpression low, ParsedExpression high, boolean negated)
        implements ParsedExpression {
}
