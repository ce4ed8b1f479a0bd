package dev.loupe.format.expr;

/** SQL text the parser does not read or model (a subquery, a parameter, a syntax error), with the reason. */
public record Unsupported(String text, String reason) implements ParsedExpression {
}
