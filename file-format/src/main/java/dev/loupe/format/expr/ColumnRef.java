package dev.loupe.format.expr;

/**
 * A column name, possibly qualified ({@code table} is null when not). {@code quoted} records a "double-quoted"
 * name: SQLite may read such a name as a string literal when no column has it, which is never guessed here.
 */
public record ColumnRef(String table, String name, boolean quoted) implements ParsedExpression {
}
