package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.repro.engine.Engines;
import dev.loupe.repro.engine.Limits;
import dev.loupe.repro.engine.Outcome;
import dev.loupe.repro.engine.RunResult;
import dev.loupe.repro.engine.TursoInstall;
import dev.loupe.repro.sql.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** `loupe repro sql`: a real Turso divergence in a 200+ statement script, a crashing cmd: engine, bad input. */
class ReproSqlCommandTest {

    private String saved;
    private Path enginesDir;

    @BeforeEach
    void enginesDir() {
        saved = System.getProperty("loupe.engines.dir");
        enginesDir = Path.of("..", ".loupe", "engines").toAbsolutePath().normalize();
        System.setProperty("loupe.engines.dir", enginesDir.toString());
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("loupe.engines.dir");
        } else {
            System.setProperty("loupe.engines.dir", saved);
        }
    }

    /** 230 statements on which SQLite and Turso agree, with SELECT 1.5e300 (Turso: 1.4999999999999998E300) at 170. */
    private static String haystack() {
        Random r = new Random(42);
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)");
        s.add("CREATE TABLE u(k TEXT, v INTEGER)");
        while (s.size() < 230) {
            if (s.size() == 170) {
                s.add("SELECT a, 1.5e300 AS big FROM t WHERE a > 3 ORDER BY id LIMIT 2");
                continue;
            }
            switch (r.nextInt(5)) {
                case 0, 1 -> s.add("INSERT INTO t(a, b) VALUES (" + r.nextInt(50) + ", 'b" + r.nextInt(99) + "'), ("
                        + r.nextInt(50) + ", 'c" + r.nextInt(99) + "')");
                case 2 -> s.add("INSERT INTO u VALUES ('k" + r.nextInt(20) + "', " + r.nextInt(100) + ")");
                case 3 -> s.add("UPDATE t SET a = a + 1 WHERE a < " + r.nextInt(30));
                default -> s.add("SELECT count(*), sum(a) FROM t WHERE a > " + r.nextInt(40));
            }
        }
        return String.join(";\n", s) + ";\n";
    }

    @Test
    void realTursoDivergenceShrinksToAtMostThreeStatementsThatStillDiverge(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue("1".equals(System.getenv("LOUPE_REQUIRE_TURSO"))
                || new TursoInstall(enginesDir.resolve("turso")).installed(), "Turso is not installed in "
                + enginesDir + ": run .ci/run or 'loupe engines install turso'");
        Path script = tmp.resolve("big.sql");
        Files.writeString(script, haystack());
        Path dir = tmp.resolve("repro");
        long t0 = System.nanoTime();
        Cli r = Cli.run("repro", "sql", script.toString(), "--engines", "sqlite,turso", "--budget", "120s",
                "-o", dir.toString());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("loupe repro sql: 230 statements, sqlite vs turso, %d ms%n%s", millis, r.out());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(millis).isLessThan(120_000);
        assertThat(r.out()).startsWith("wrong-result: ").contains("original   230 statements").contains("1.5e300");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("reproducer.json").toFile());
        assertThat(json.get("kind").asText()).isEqualTo("sql");
        assertThat(json.get("reference").asText()).isEqualTo("sqlite");
        assertThat(json.get("engines").get(1).get("name").asText()).isEqualTo("turso");
        assertThat(json.get("failure").get("class").asText()).isEqualTo("wrong-result");
        assertThat(json.get("failure").get("statementClass").asText()).isEqualTo("SELECT");
        assertThat(json.get("original").get("statements").asInt()).isEqualTo(230);
        assertThat(json.get("reduced").get("statements").asInt()).isBetween(1, 3);
        assertThat(json.get("outcomes").get("sqlite").toString()).contains("1.5E300");
        assertThat(json.get("outcomes").get("turso").toString()).contains("1.4999999999999998E300");

        // re-run the reproducer from DIR on both engines: they still differ
        Script again = Script.parse(Files.readString(dir.resolve("repro.sql")));
        assertThat(again.size()).isLessThanOrEqualTo(3);
        Engines engines = Engines.fromEnvironment();
        RunResult sqlite = engines.named("sqlite").run(again, null, Limits.defaults());
        RunResult turso = engines.named("turso").run(again, null, Limits.defaults());
        int i = sqlite.firstDifference(turso);
        assertThat(i).isEqualTo(json.get("failure").get("statementIndex").asInt());
        assertThat(sqlite.outcomes().get(i)).isNotEqualTo(turso.outcomes().get(i));
        assertThat(((Outcome.Rows) sqlite.outcomes().get(i)).rows().toString()).contains("1.5E300");
        assertThat(dir.resolve("outputs/sqlite.txt")).content().contains("real 1.5E300");
        assertThat(dir.resolve("outputs/turso.txt")).content().contains("real 1.4999999999999998E300");

        // the issue draft is written next to the reproducer and carries both engines' outputs
        assertThat(dir.resolve("issue.md")).content().contains("Wrong result")
                .contains("1.5E300").contains("1.4999999999999998E300").contains("SELECT 1.5e300");
        assertThat(dir.resolve("regression-test.sql")).exists();
        assertThat(r.out()).contains("Issue draft:  " + dir.resolve("issue.md"));
    }

    @Test
    void crashingCommandEngineAsJson(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("s.sql");
        StringBuilder b = new StringBuilder("CREATE TABLE t(a);\n");
        for (int i = 0; i < 40; i++) {
            b.append(i == 25 ? "SELECT 'DIE_HERE' FROM t WHERE a > 1;\n" : "INSERT INTO t VALUES (" + i + ");\n");
        }
        Files.writeString(script, b.toString());
        Path dir = tmp.resolve("out");
        Cli r = Cli.run("repro", "sql", script.toString(), "--engines",
                "sqlite,cmd:sh -c 'grep -q DIE_HERE && kill -SEGV $$; exit 0'", "--oracle", "crash",
                "--budget", "60", "-o", dir.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("directory").asText()).isEqualTo(dir.toString());
        assertThat(json.get("oracle").asText()).isEqualTo("crash");
        assertThat(json.get("failure").get("class").asText()).isEqualTo("crash");
        assertThat(json.get("reduced").get("statements").asInt()).isEqualTo(1);
        assertThat(dir.resolve("repro.sql")).content().contains("DIE_HERE").doesNotContain("INSERT");
        assertThat(dir.resolve("reproducer.json")).exists();
        assertThat(json.get("issueDraft").asText()).isEqualTo(dir.resolve("issue.md").toString());
        assertThat(dir.resolve("issue.md")).content().contains("Crash").contains("DIE_HERE");
    }

    @Test
    void noFailureExitsOne(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("ok.sql");
        Files.writeString(script, "CREATE TABLE t(a); INSERT INTO t VALUES (1); SELECT a FROM t;");
        Cli r = Cli.run("repro", "sql", script.toString(), "--engines", "sqlite,sqlite3", "-o",
                tmp.resolve("o").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("no diff failure");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void badInput(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("ok.sql");
        Files.writeString(script, "SELECT 1;");
        String o = tmp.resolve("o").toString();
        assertThat(Cli.run("repro", "sql", tmp.resolve("missing.sql").toString(), "--engines", "sqlite,sqlite3",
                "-o", o).exitCode()).isEqualTo(3);
        Cli bad = Cli.run("repro", "sql", script.toString(), "--engines", "sqlite,nosuch", "-o", o);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown engine 'nosuch'").doesNotContain("Exception");
        assertThat(Cli.run("repro", "sql", script.toString(), "--engines", "sqlite", "-o", o).exitCode())
                .isEqualTo(2);
        assertThat(Cli.run("repro", "sql", script.toString(), "--engines", "sqlite,sqlite3", "--oracle", "boom",
                "-o", o).err()).contains("unknown oracle");
        assertThat(Cli.run("repro", "sql", script.toString(), "--engines", "sqlite,sqlite3", "--budget", "soon",
                "-o", o).exitCode()).isEqualTo(2);
        assertThat(Cli.run("repro", "sql", script.toString(), "--engines", "sqlite,cmd:sqlite3 {db}", "-o", o)
                .err()).contains("per-statement");
    }
}
