package dev.loupe.repro.diff;

import dev.loupe.format.Database;
import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.EnginesHome;
import dev.loupe.repro.engine.Limits;
import dev.loupe.repro.engine.Outcome;
import dev.loupe.repro.engine.RunResult;
import dev.loupe.repro.engine.SqliteEngine;
import dev.loupe.repro.engine.TursoEngine;
import dev.loupe.repro.engine.TursoInstall;
import dev.loupe.repro.sql.Failure;
import dev.loupe.repro.sql.FailureDetector;
import dev.loupe.repro.sql.Oracle;
import dev.loupe.repro.sql.Script;
import dev.loupe.repro.sql.SqlReducer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same small SQL run by real Turso and by SQLite, and the two files diffed: ordinary tables and indexes differ
 * only benignly; Turso 0.7.2's AUTOINCREMENT adds an internal table to sqlite_schema that SQLite then lists (a real
 * incompatibility), which the filediff oracle finds and reduces to the one CREATE TABLE.
 */
class TursoFileDiffTest {

    private static Engine turso;

    @BeforeAll
    static void installed() {
        EnginesHome home = EnginesHome.fromEnvironment();
        Assumptions.assumeTrue("1".equals(System.getenv("LOUPE_REQUIRE_TURSO"))
                        || new TursoInstall(home.turso()).installed(),
                "Turso is not installed in " + home.turso() + ": run .ci/run or 'loupe engines install turso'");
        turso = new TursoEngine(home.turso());
    }

    @TempDir
    Path dir;

    private Path run(Engine e, Script script) throws Exception {
        Path d = Files.createDirectories(dir.resolve(e.name()));
        Path db = d.resolve("run.db");
        RunResult r = e.run(script, db, Limits.defaults());
        assertThat(r.outcomes()).as(e.name() + " runs every statement").hasSize(script.size())
                .noneMatch(o -> o instanceof Outcome.Error || o instanceof Outcome.Aborted);
        return db;
    }

    @Test
    void tursoAndSqliteWriteFilesThatDifferOnlyBenignly() throws Exception {
        Script script = Script.parse("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT, r REAL, c BLOB);
                CREATE INDEX t_b ON t(b);
                INSERT INTO t VALUES (1, 5, 'one', 1.5, x'00ff'), (2, 300, 'two', 2.0, NULL), (3, -7, NULL, 0.25, x'');
                INSERT INTO t(a, b) VALUES (70000, 'four'), (0, 'five'), (1, 'six');
                CREATE TABLE u(x TEXT, y);
                INSERT INTO u VALUES ('a', 1), ('b', 2.5), ('c', 'text');
                DELETE FROM t WHERE id = 2;
                UPDATE u SET y = 42 WHERE x = 'c';
                """);
        Path a = run(new SqliteEngine(), script);
        Path b = run(turso, script);
        FileDiff d;
        try (Database da = Database.open(a); Database db = Database.open(b)) {
            d = new FileDiffer(DiffOptions.defaults().withCheckThreads(1)).diff(da, db);
        }
        String listing = d.summary() + "\n" + d.listed().stream().map(x -> x.diffClass().label() + " "
                + x.kind().id() + " " + x.object() + " " + x.key() + " " + x.field() + ": " + x.message() + " ["
                + x.a() + "] vs [" + x.b() + "]").collect(Collectors.joining("\n"));
        System.out.println("turso vs sqlite file diff: " + listing);
        assertThat(d.object("t").orElseThrow().entriesB()).isEqualTo(SqliteFiles.count(a, "SELECT count(*) FROM t"));
        assertThat(d.incompatibleCount()).as(listing).isZero();
    }

    @Test
    void autoincrementLeavesATableSqliteSeesAndTheReducerKeepsIt() throws Exception {
        List<String> sqls = new ArrayList<>();
        sqls.add("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)");
        for (int i = 0; i < 40; i++) {
            sqls.add(i == 25 ? "CREATE TABLE z(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)"
                    : "INSERT INTO t(a, b) VALUES (" + (i * 13 + 2) + ", 'b" + i + "')");
        }
        Script script = Script.of(sqls);
        FailureDetector d = new FailureDetector(List.of(new SqliteEngine(), turso), Oracle.parse("filediff"), null,
                Limits.defaults(), new boolean[2]);
        Failure f = d.detect(script).orElseThrow();
        assertThat(f.signature()).isEqualTo("schema-object");
        Difference first = f.fileDiff().firstIncompatibleDifference().orElseThrow();
        assertThat(first.object()).startsWith("__turso_internal");
        assertThat(first.a()).isEmpty();

        Path b = run(turso, Script.parse("CREATE TABLE z(id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);"));
        assertThat(SqliteFiles.rows(b, "SELECT name FROM sqlite_schema WHERE name LIKE '__turso%'"))
                .as("SQLite lists Turso's internal table").containsExactly("String:" + first.object());

        SqlReducer.Result r = new SqlReducer(d, Duration.ofSeconds(90), 2, p -> { }).reduce(script, f);
        assertThat(r.reduced().size()).isEqualTo(1);
        assertThat(r.reduced().text()).containsIgnoringCase("AUTOINCREMENT");
    }
}
