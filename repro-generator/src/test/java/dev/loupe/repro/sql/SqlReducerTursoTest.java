package dev.loupe.repro.sql;

import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.EnginesHome;
import dev.loupe.repro.engine.Limits;
import dev.loupe.repro.engine.Outcome;
import dev.loupe.repro.engine.RunResult;
import dev.loupe.repro.engine.SqliteEngine;
import dev.loupe.repro.engine.TursoEngine;
import dev.loupe.repro.engine.TursoInstall;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reducer on real Turso vs SQLite divergences (Turso 0.7.2: a result column named after a blob literal loses
 * its first two characters, X'00' -> 0'; the literal 1.5e300 reads as 1.4999999999999998E300), each buried in a
 * generated script of 240 statements.
 */
class SqlReducerTursoTest {

    private static final Duration BUDGET = Duration.ofSeconds(120);
    private static List<Engine> engines;

    @BeforeAll
    static void installed() {
        EnginesHome home = EnginesHome.fromEnvironment();
        Assumptions.assumeTrue("1".equals(System.getenv("LOUPE_REQUIRE_TURSO"))
                        || new TursoInstall(home.turso()).installed(),
                "Turso is not installed in " + home.turso() + ": run .ci/run or 'loupe engines install turso'");
        engines = List.of(new SqliteEngine(), new TursoEngine(home.turso()));
    }

    private static FailureDetector detector(Script script) {
        FailureDetector probe = new FailureDetector(engines, Oracle.parse("diff"), null, Limits.defaults(),
                new boolean[2]);
        return probe;
    }

    private static SqlReducer.Result reduce(Script script) {
        FailureDetector d = detector(script);
        Failure f = d.detect(script).orElseThrow();
        return new SqlReducer(d, BUDGET, 2, p -> { }).reduce(script, f);
    }

    @Test
    void buriedBlobColumnNameShrinksToOneStatementThatStillDiverges(@TempDir Path dir) throws Exception {
        Script script = Script.of(ScriptGenerator.generate(7, 240, Map.of(150,
                "SELECT x'00', a FROM t0 WHERE a > 5 ORDER BY a LIMIT 2")));
        FailureDetector d = detector(script);
        Failure original = d.detect(script).orElseThrow();
        assertThat(original.statementIndex()).as("the generated statements agree; the buried one differs")
                .isEqualTo(150);
        assertThat(original.signature()).startsWith("column names");

        long t0 = System.nanoTime();
        SqlReducer.Result r = new SqlReducer(d, BUDGET, 2, p -> { }).reduce(script, original);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("repro sql benchmark: %d statements (%d bytes) -> %d statements (%d bytes) in %d ms,"
                        + " %d candidates; reduced: %s%n", script.size(), script.text().length(), r.reduced().size(),
                r.reduced().text().length(), millis, r.steps(), r.reduced().text().strip());
        assertThat(r.budgetSpent()).isFalse();
        assertThat(millis).isLessThan(BUDGET.toMillis());
        assertThat(r.reduced().size()).isLessThanOrEqualTo(3);
        assertThat(r.reduced().text()).containsIgnoringCase("x'00'");

        // the reproducer directory, re-run from repro.sql on both engines, still shows the difference
        List<RunResult> runs = d.run(r.reduced());
        SqlReproducerWriter.write(dir, r, engines, d.oracle(), runs, "test", Instant.EPOCH);
        Script again = Script.parse(Files.readString(dir.resolve("repro.sql")));
        assertThat(again.sqls()).isEqualTo(r.reduced().sqls());
        RunResult sqlite = engines.get(0).run(again, null, Limits.defaults());
        RunResult turso = engines.get(1).run(again, null, Limits.defaults());
        int i = sqlite.firstDifference(turso);
        assertThat(i).isGreaterThanOrEqualTo(0);
        assertThat(((Outcome.Rows) sqlite.outcomes().get(i)).columns()).contains("x'00'");
        assertThat(Files.readString(dir.resolve("outputs/sqlite.txt"))).contains("columns: x'00'");
        assertThat(Files.readString(dir.resolve("outputs/turso.txt"))).contains("columns: 0'");
        String json = Files.readString(dir.resolve("reproducer.json"));
        assertThat(json).contains("\"kind\" : \"sql\"", "\"class\" : \"wrong-result\"",
                "\"statementClass\" : \"SELECT\"", "\"statements\" : 240", "\"reference\" : \"sqlite\"");
    }

    @Test
    void twoBugsReduceToTheFirstOnlyAndTheSameWayTwice() {
        Script script = Script.of(ScriptGenerator.generate(11, 220, Map.of(
                60, "SELECT b, 1.5e300 FROM t0 ORDER BY id LIMIT 3",
                170, "SELECT x'01', count(*) FROM t1")));
        SqlReducer.Result first = reduce(script);
        assertThat(first.reduced().size()).isLessThanOrEqualTo(3);
        assertThat(first.reduced().text()).contains("1.5e300").doesNotContainIgnoringCase("x'01'");
        assertThat(first.failure().signature()).isEqualTo("value real/real");

        SqlReducer.Result second = reduce(script);
        assertThat(second.reduced().sqls()).isEqualTo(first.reduced().sqls());
        assertThat(second.steps()).isEqualTo(first.steps());
    }
}
