package dev.loupe.format.expr;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Expression#syntaxError} against SQLite's parser (sqlite-jdbc): the expression text put where a schema holds
 * one, inside a CHECK constraint of a CREATE TABLE, and SQLite's verdict read from its error ("syntax error",
 * "unrecognized token", "incomplete input"). Loupe may call a text a syntax error only where SQLite does (a schema
 * SQLite loads must never be called malformed); of SQLite's syntax errors it should name nearly all.
 */
class ExpressionSyntaxTest {

    private static final String CHARS = "()|,'\"+-*/<>=!~%&. 0123456789aeiXxnot_[]`?:@$;";

    @Test
    void theDifferentialCorpusParsesWhereSqliteParsesIt() throws Exception {
        List<String> corpus = new ArrayList<>(ExpressionCorpus.handWritten());
        corpus.addAll(ExpressionCorpus.random(17, 2_000));
        corpus.addAll(List.of("key > 0", "replace(t, 'a', 'b')", "like('a%', t)", "glob('*', t)", "t MATCH 'x'",
                "t REGEXP 'x'", "i NOTNULL", "i ISNULL", "i NOT NULL", "CAST(i AS DECIMAL(10, 2))", "t COLLATE nocase",
                "EXISTS (SELECT 1)", "i IN (SELECT 1)", "i IN ()", "count(*) OVER (PARTITION BY i)",
                "?1 + :a + @b + $c",
                "CURRENT_TIMESTAMP", "CURRENT_DATE || CURRENT_TIME", "t -> '$.a' ->> 'b'", "x'00' || X''",
                "CASE i WHEN 1 THEN 'a' ELSE 'b' END", "i BETWEEN 1 AND 2 AND r NOT BETWEEN 1 AND 2",
                "t LIKE 'a!%' ESCAPE '!'", "NOT NOT i", "~i", "+i", "-i", "i IS NOT DISTINCT FROM r",
                "\"i\" + [r] + `n`",
                "raise(IGNORE)", "f(DISTINCT i)", "max(i, r) FILTER (WHERE i > 0)", "(i, r) = (1, 2)", "row_number()"));
        int checked = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            for (String e : corpus) {
                if (sqliteSyntaxError(s, e) == null) {
                    checked++;
                    assertThat(Expression.syntaxError(e)).as("SQLite parses %s", e).isNull();
                }
            }
        }
        assertThat(checked).as("expressions SQLite parses").isGreaterThan(corpus.size() * 9 / 10);
    }

    /**
     * One random edit of each of 6,000 expressions: a syntax error for Loupe is one for SQLite too, and of SQLite's
     * syntax errors in text without a parameter Loupe names nearly all.
     */
    @Test
    void randomEditsAreSyntaxErrorsOnlyWhereSqliteSaysSo() throws Exception {
        List<String> base = new ArrayList<>(ExpressionCorpus.handWritten());
        base.addAll(ExpressionCorpus.random(23, 1_000));
        Random rnd = new Random(29);
        int sqliteErrors = 0; // in text without a parameter character
        int both = 0;
        List<String> wrong = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            for (int k = 0; k < 6_000; k++) {
                String e = edited(base.get(rnd.nextInt(base.size())), rnd);
                String sqlite = sqliteSyntaxError(s, e);
                String loupe = Expression.syntaxError(e);
                // text with a parameter character is left to SQLite (see Expression#syntaxError)
                if (e.chars().noneMatch(ch -> "?:@$#".indexOf(ch) >= 0)) {
                    sqliteErrors += sqlite != null ? 1 : 0;
                    both += sqlite != null && loupe != null ? 1 : 0;
                }
                if (loupe != null && sqlite == null) {
                    wrong.add(e + " (Loupe: " + loupe + ")");
                }
            }
        }
        assertThat(wrong).as("syntax errors for Loupe that SQLite parses").isEmpty();
        assertThat(sqliteErrors).as("edits SQLite cannot parse (the test is not idle)").isGreaterThan(1_000);
        assertThat(both).as("of SQLite's %d syntax errors, those Loupe names", sqliteErrors)
                .isGreaterThan(sqliteErrors * 98 / 100);
    }

    /** A character replaced, inserted or deleted at a random place. */
    private static String edited(String e, Random rnd) {
        int at = rnd.nextInt(e.length() + 1);
        char ch = CHARS.charAt(rnd.nextInt(CHARS.length()));
        return switch (rnd.nextInt(3)) {
            case 0 -> at < e.length() ? e.substring(0, at) + ch + e.substring(at + 1) : e + ch;
            case 1 -> e.substring(0, at) + ch + e.substring(at);
            default -> at < e.length() ? e.substring(0, at) + e.substring(at + 1) : e.substring(0, at - 1);
        };
    }

    /** SQLite's syntax error for the expression as a CHECK constraint's, or null (it parses, whatever else fails). */
    private static String sqliteSyntaxError(Statement s, String e) {
        try {
            s.execute("CREATE TABLE t(i, r, t, b, n, c, x, CHECK (" + e + "\n))");
            s.execute("DROP TABLE t");
            return null;
        } catch (SQLException ex) {
            String m = String.valueOf(ex.getMessage());
            return m.contains("syntax error") || m.contains("unrecognized token") || m.contains("incomplete input")
                    ? m : null;
        }
    }
}
