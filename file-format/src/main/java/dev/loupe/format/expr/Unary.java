package dev.loupe.format.expr;

/** A prefix operator: {@code -x}, {@code +x}, {@code ~x} or {@code NOT x}. */
public record Unary(Operator operator, ParsedExpression operand) implements ParsedExpression {

    public enum Operator { NEGATE, PLUS, BIT_NOT, NOT }
}
