package dev.loupe.format.expr;

/** {@code operand COLLATE collation}: the collating sequence a comparison with this operand uses. */
public record Collate(ParsedExpression operand, String collation) implements ParsedExpression {
}
