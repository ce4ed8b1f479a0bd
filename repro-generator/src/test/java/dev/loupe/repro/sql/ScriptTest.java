package dev.loupe.repro.sql;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting scripts as sqlite3_complete() would, checked on tricky cases and against SQLite itself. */
class ScriptTest {

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
        Script s = Script.parse("SELECT 'a;b'; SELECT \"c;d\", `e;f`, [g;h] FROM x; -- c;omment\n"
                + "/* block; */ SELECT 'it''s;';");
        assertThat(s.sqls()).containsExactly("SELECT 'a;b'", "SELECT \"c;d\", `e;f`, [g;h] FROM x",
                "SELECT 'it''s;'");
    }

    @Test
    void triggerBodyEndsOnlyAtSemicolonEnd() {
        Script s = Script.parse("CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN\n"
                + "  UPDATE t SET a = CASE WHEN new.a > 1 THEN 1 END;\n  INSERT INTO log VALUES ('x; END');\nEND;\n"
                + "SELECT 1");
        assertThat(s.sqls()).hasSize(2);
        assertThat(s.sqls().get(0)).startsWith("CREATE TEMP TRIGGER").endsWith("END");
        assertThat(s.statements().get(1).line()).isEqualTo(5);
    }

    @Test
    void aTableNamedTriggerIsNoTrigger() {
        assertThat(Script.parse("CREATE TABLE \"trigger\"(a); SELECT 1;").sqls())
                .containsExactly("CREATE TABLE \"trigger\"(a)", "SELECT 1");
    }

    @Test
    void emptyPiecesCommentsAndTrailingCommentsAreDropped() {
        Script s = Script.parse(";;  -- only a comment\n; SELECT 1 -- tail\n; /* x */");
        assertThat(s.sqls()).containsExactly("SELECT 1");
        assertThat(s.statements().get(0).line()).isEqualTo(2);
    }

    @Test
    void unterminatedStringRunsToTheEnd() {
        assertThat(Script.parse("SELECT 1; SELECT 'open; SELECT 2;").sqls())
                .containsExactly("SELECT 1", "SELECT 'open; SELECT 2;");
    }

    /**
     * Each piece of the corpus is complete to SQLite (sqlite3_complete, as the sqlite3 shell applies it) with its
     * semicolon, and no shorter prefix ending at one of its inner semicolons is.
     */
    @Test
    void everyPieceOfTheCorpusIsExactlyOneStatementToSqlite() throws Exception {
        String corpus = new String(ScriptTest.class.getResourceAsStream("/dev/loupe/repro/engine/corpus.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> sqls = Script.parse(corpus).sqls();
        for (String sql : sqls) {
            assertThat(complete(sql + ";")).as(sql).isTrue();
            int inner = sql.indexOf(';');
            while (inner >= 0) {
                assertThat(complete(sql.substring(0, inner + 1))).as(sql.substring(0, inner + 1)).isFalse();
                inner = sql.indexOf(';', inner + 1);
            }
        }
    }

    /** sqlite3_complete() through the sqlite3 shell: it runs a line only once the text so far is complete. */
    private static boolean complete(String sql) throws Exception {
        Path in = Files.createTempFile("complete", ".sql");
        try {
            Files.writeString(in, sql + "\n.print __END__\n");
            Process p = new ProcessBuilder("sqlite3", "-batch", "-init", "/dev/null", ":memory:")
                    .redirectInput(in.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out.lines().anyMatch("__END__"::equals);
        } finally {
            Files.delete(in);
        }
    }
}
