package dev.loupe.format.expr;

/** {@code x ISNULL}, {@code x IS NULL} ({@code negated} false) or {@code x NOTNULL}, {@code x NOT NULL}, {@code x IS NOT NULL}. */
public record IsNull(ParsedExpression operand, boolean negated) implements ParsedExpression {
}
