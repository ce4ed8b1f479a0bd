package dev.loupe.repro.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of SQL statements, as SQLite's sqlite3_complete() would cut a script: at semicolons outside string
 * literals, quoted identifiers and comments, and inside CREATE TRIGGER only at the "; END ;" that closes the body.
 */
public record Script(List<Statement> statements) {

    public Script {
        statements = List.copyOf(statements);
    }

    /** Splits {@code text} into statements; comment-only and empty pieces are dropped. */
    public static Script parse(String text) {
        return new Script(SqlSplitter.split(text));
    }

    /** A script of the given statement texts, each taken as one statement (no splitting). */
    public static Script of(List<String> sqls) {
        List<Statement> list = new ArrayList<>();
        for (String s : sqls) {
            list.add(new Statement(list.size(), s, 0, 1));
        }
        return new Script(list);
    }

    public int size() {
        return statements.size();
    }

    public List<String> sqls() {
        return statements.stream().map(Statement::sql).toList();
    }

    /** The script as text again: one statement per line, each ended by a semicolon (and a newline). */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Statement s : statements) {
            b.append(s.sql()).append(";\n");
        }
        return b.toString();
    }
}
