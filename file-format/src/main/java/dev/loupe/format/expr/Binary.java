package dev.loupe.format.expr;

/** A binary operator (lang_expr.html "Operators"): logic, comparison, IS, bit, arithmetic and {@code ||}. */
public record Binary(Operator operator, ParsedExpression left, ParsedExpression right) implements ParsedExpression {

    public enum Operator {
        OR, AND, EQ, NE, IS, IS_NOT, LT, LE, GT, GE, BIT_AND, BIT_OR, SHIFT_LEFT, SHIFT_RIGHT, ADD, SUBTRACT,
        MULTIPLY, DIVIDE, REMAINDER, CONCAT;

        boolean isComparison() {
            return this == EQ || this == NE || this == IS || this == IS_NOT || this == LT || this == LE
                    || this == GT || this == GE;
        }
    }
}
