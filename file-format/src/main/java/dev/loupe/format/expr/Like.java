package dev.loupe.format.expr;

/** {@code operand [NOT] LIKE pattern [ESCAPE escape]} or {@code operand [NOT] GLOB pattern}; escape may be null. */
public record Like(Kind kind, ParsedExpression operand, ParsedExpression pattern, ParsedExpression escape,
                   boolean negated) implements ParsedExpression {

    public enum Kind { LIKE, GLOB }
}
