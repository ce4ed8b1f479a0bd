package dev.loupe.format.expr;

import dev.loupe.format.record.Value;

/** A literal value: number, 'string', x'blob', NULL, TRUE or FALSE; {@code text} is its spelling in the SQL. */
public record Literal(Value value, String text) implements ParsedExpression {
}
