package dev.loupe.repro.sql;

import dev.loupe.format.schema.SqlTokenizer;
import dev.loupe.format.schema.Token;
import dev.loupe.format.schema.TokenKind;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The class of a statement, as SQLite's grammar names its commands: SELECT, INSERT, UPDATE, DELETE, CREATE TABLE,
 * CREATE INDEX, DROP, PRAGMA, ... A WITH prefix is skipped to the command it introduces, and REPLACE counts as INSERT.
 */
public final class StatementClass {

    private static final Set<String> CREATE_OBJECTS = Set.of("TABLE", "INDEX", "VIEW", "TRIGGER", "VIRTUAL");
    private static final Set<String> AFTER_WITH = Set.of("SELECT", "INSERT", "REPLACE", "UPDATE", "DELETE", "VALUES");

    private StatementClass() {
    }

    public static String of(String sql) {
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        if (tokens.isEmpty() || tokens.get(0).kind() != TokenKind.WORD) {
            return "OTHER";
        }
        String first = tokens.get(0).upper();
        switch (first) {
            case "WITH" -> {
                int depth = 0;
                for (Token t : tokens) {
                    if (t.isOperator("(")) {
                        depth++;
                    } else if (t.isOperator(")")) {
                        depth--;
                    } else if (depth == 0 && t.kind() == TokenKind.WORD && AFTER_WITH.contains(t.upper())) {
                        return normal(t.upper());
                    }
                }
                return "SELECT";
            }
            case "CREATE" -> {
                for (int i = 1; i < tokens.size() && i < 4; i++) {
                    String w = tokens.get(i).upper();
                    if (CREATE_OBJECTS.contains(w)) {
                        return "CREATE " + w;
                    }
                }
                return "CREATE";
            }
            case "EXPLAIN", "DROP", "ALTER", "PRAGMA", "BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE",
                 "VACUUM", "ANALYZE", "REINDEX", "ATTACH", "DETACH", "SELECT", "INSERT", "UPDATE", "DELETE",
                 "VALUES", "REPLACE" -> {
                return normal(first);
            }
            default -> {
                return first.toUpperCase(Locale.ROOT).matches("[A-Z_]+") ? first : "OTHER";
            }
        }
    }

    private static String normal(String word) {
        return switch (word) {
            case "REPLACE" -> "INSERT";
            case "VALUES" -> "SELECT";
            case "END" -> "COMMIT";
            default -> word;
        };
    }
}
