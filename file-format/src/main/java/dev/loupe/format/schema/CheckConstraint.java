package dev.loupe.format.schema;

/** CHECK (expression); {@code expression} is the text inside the parentheses, trimmed. */
public record CheckConstraint(String name, int column, String expression) implements TableConstraint {
}
