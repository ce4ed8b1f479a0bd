package dev.loupe.repro.sql;

import dev.loupe.repro.engine.CommandEngine;
import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.Limits;
import dev.loupe.repro.engine.RunResult;
import dev.loupe.repro.engine.SqliteEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The error and crash oracles with cmd: engines that behave like the sqlite3 shell except on marker statements,
 * where they fail (exit 1 with a message) or crash (SIGSEGV, or exit 101): the reducer keeps the marker statement and
 * drops the rest, and never drifts from the first failure to another one.
 */
class SqlReducerOraclesTest {

    /** sqlite3 on the database, except that a script containing MARK_ERR fails and one containing MARK_SEGV dies. */
    private static final String MARKED = "cmd:sh -c 'in=$(cat); case \"$in\" in *MARK_SEGV*) kill -SEGV $$;; esac;"
            + " case \"$in\" in *MARK_101*) exit 101;; *MARK_ERR*) echo \"Error: near MARK_ERR: boom\" >&2; exit 1;;"
            + " esac; printf \"%s\" \"$in\" | sqlite3 -batch \"$0\"' {db}";

    private static final Duration BUDGET = Duration.ofSeconds(60);

    private static SqlReducer.Result reduce(Script script, String oracle) {
        List<Engine> engines = List.of(new SqliteEngine(), new CommandEngine(MARKED.substring("cmd:".length())));
        List<RunResult> first = new FailureDetector(engines, Oracle.parse(oracle), null, Limits.defaults(),
                new boolean[2]).runAll(script);
        FailureDetector d = new FailureDetector(engines, Oracle.parse(oracle), null, Limits.defaults(),
                FailureDetector.wholeRunEngines(engines, first, script));
        Failure f = d.detect(script).orElseThrow();
        return new SqlReducer(d, BUDGET, 2, p -> { }).reduce(script, f);
    }

    private static Script script(Map<Integer, String> buried) {
        return Script.of(ScriptGenerator.generate(3, 120, buried));
    }

    @Test
    void errorOracleKeepsTheStatementOneEngineFails() {
        SqlReducer.Result r = reduce(script(Map.of(70, "INSERT INTO t2(k, v) VALUES ('MARK_ERR', 1), ('k1', 2)")),
                "error");
        assertThat(r.failure().failureClass()).isEqualTo("error-mismatch");
        assertThat(r.failure().signature()).isEqualTo("ok/error OTHER");
        assertThat(r.reduced().size()).isLessThanOrEqualTo(3);
        assertThat(r.reduced().text()).contains("MARK_ERR").doesNotContain("'k1'");
        assertThat(r.original().size()).isEqualTo(120);
    }

    @Test
    void crashOracleKeepsTheStatementThatKillsTheEngine(@TempDir Path dir) throws Exception {
        SqlReducer.Result r = reduce(script(Map.of(40, "SELECT 'MARK_SEGV', a FROM t0 WHERE a > 3 ORDER BY id")),
                "crash");
        assertThat(r.failure().failureClass()).isEqualTo("crash");
        assertThat(r.failure().signature()).endsWith("crash signal 11");
        assertThat(r.failure().statementIndex()).isNull();
        assertThat(r.reduced().size()).isEqualTo(1);
        assertThat(r.reduced().text()).contains("MARK_SEGV").doesNotContain("ORDER BY");

        List<Engine> engines = List.of(new SqliteEngine(), new CommandEngine(MARKED.substring("cmd:".length())));
        SqlReproducerWriter.write(dir, r, engines, Oracle.parse("crash"),
                List.of(engines.get(0).run(r.reduced(), null, Limits.defaults()),
                        engines.get(1).run(r.reduced(), null, Limits.defaults())), "test", Instant.EPOCH);
        assertThat(Files.readString(dir.resolve("reproducer.json")))
                .contains("\"statementIndex\" : null", "\"kind\" : \"CRASH\"", "\"signal\" : 11");
        assertThat(dir.resolve("outputs").resolve(SqlReproducerWriter.fileName(engines.get(1).name()) + ".txt"))
                .content().contains("crash (exit 139, signal 11)");
    }

    @Test
    void aCrashDoesNotDriftToAnotherCrash() {
        // with both markers the engine dies by SIGSEGV; without MARK_SEGV it exits 101: another bug
        SqlReducer.Result r = reduce(script(Map.of(30, "SELECT 'MARK_SEGV'", 90, "SELECT 'MARK_101'")), "crash");
        assertThat(r.reduced().text()).contains("MARK_SEGV").doesNotContain("MARK_101");
        assertThat(r.reduced().size()).isEqualTo(1);
    }

    @Test
    void sameInputSameOutput() {
        Script s = script(Map.of(55, "UPDATE t1 SET y = 'MARK_ERR' WHERE x < 40"));
        SqlReducer.Result a = reduce(s, "error");
        SqlReducer.Result b = reduce(s, "error");
        assertThat(b.reduced().sqls()).isEqualTo(a.reduced().sqls());
        assertThat(b.steps()).isEqualTo(a.steps());
        assertThat(b.failure().summary()).isEqualTo(a.failure().summary());
    }

    /** A schema rewritten through writable_schema leaves rows that break the new CHECK: the checker sees it. */
    @Test
    void checkOracleKeepsWhatLeavesTheFindingInTheFile() {
        Script script = Script.of(ScriptGenerator.generate(5, 80, Map.of(
                60, "PRAGMA writable_schema = ON",
                61, "UPDATE sqlite_schema SET sql = 'CREATE TABLE t2(k TEXT, v INTEGER CHECK (v < 0))'"
                        + " WHERE name = 't2'")));
        SqlReducer.Result r = reduce(script, "check:check-constraint-failed");
        assertThat(r.failure().failureClass()).isEqualTo("corruption");
        assertThat(r.failure().finding().code().code()).isEqualTo("check-constraint-failed");
        assertThat(r.reduced().size()).isLessThanOrEqualTo(4);
        assertThat(r.reduced().text()).contains("writable_schema", "CHECK", "INSERT INTO t2");
    }

    @Test
    void diffNeedsPerStatementResults() {
        List<Engine> engines = List.of(new SqliteEngine(), new CommandEngine("sqlite3 {db}"));
        assertThatThrownBy(() -> new FailureDetector(engines, Oracle.parse("diff"), null, Limits.defaults(),
                new boolean[] {false, true})).hasMessageContaining("per-statement");
    }

    @Test
    void oraclesParse() {
        assertThat(Oracle.parse("check:freeblock-overlap").code()).isEqualTo("freeblock-overlap");
        assertThat(Oracle.parse("CRASH").toString()).isEqualTo("crash");
        assertThatThrownBy(() -> Oracle.parse("boom")).hasMessageContaining("unknown oracle");
    }

    @Test
    void statementClasses() {
        assertThat(StatementClass.of("WITH c AS (SELECT 1) INSERT INTO t SELECT * FROM c")).isEqualTo("INSERT");
        assertThat(StatementClass.of("create unique index i on t(a)")).isEqualTo("CREATE INDEX");
        assertThat(StatementClass.of("REPLACE INTO t VALUES(1)")).isEqualTo("INSERT");
        assertThat(StatementClass.of("select 1")).isEqualTo("SELECT");
    }

    @Test
    void shrinkerOffersRowsClausesAndSubExpressions() {
        List<String> v = StatementShrinker.variants("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
        assertThat(v).contains("INSERT INTO t VALUES (3, 'c'), (4, 'd')", "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (4, 'd')");
        List<String> s = StatementShrinker.variants("SELECT abs(a + 1) FROM t WHERE a > 2 ORDER BY a LIMIT 3");
        assertThat(s).contains("SELECT abs(a + 1) FROM t ORDER BY a LIMIT 3", "SELECT abs(a + 1) FROM t WHERE a > 2",
                "SELECT a + 1 FROM t WHERE a > 2 ORDER BY a LIMIT 3", "SELECT abs(a) FROM t WHERE a > 2 ORDER BY a LIMIT 3",
                "SELECT abs(a + 1)");
    }
}
