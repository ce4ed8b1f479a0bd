package dev.loupe.format.expr;

/**
 * An SQL expression as SQLite's grammar reads it (lang_expr.html). Each kind of node is a record; what the parser
 * cannot read or does not model is an {@link Unsupported} node, never an exception.
 */
public sealed interface ParsedExpression
        permits Literal, ColumnRef, Unary, Binary, Between, In, IsNull, Like, Case, Cast, FunctionCall, Collate,
        Unsupported {
}
