package dev.loupe.repro.sql;

/**
 * One SQL statement of a {@link Script}: its text without the terminating semicolon and without leading comments
 * or whitespace, where it starts in the script (character offset and 1-based line), and its ordinal.
 */
public record Statement(int index, String sql, int offset, int line) {

    public Statement {
        if (sql.isBlank()) {
            throw new IllegalArgumentException("empty statement");
        }
    }
}
