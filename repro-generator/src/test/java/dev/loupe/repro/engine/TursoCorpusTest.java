package dev.loupe.repro.engine;

import dev.loupe.repro.sql.Script;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Turso (the pinned @tursodatabase/database, installed by .ci/run or `loupe engines install turso`) runs the
 * same corpus as SQLite. Where it differs is a compatibility finding: the differences are written to
 * target/turso-vs-sqlite.txt and the ones known for the pinned version are asserted, so a new one (or a fixed one)
 * shows up.
 */
class TursoCorpusTest {

    private static TursoEngine turso;

    /** Statements (1-based) where Turso 0.7.2 differs from SQLite: compatibility findings. */
    private static final Map<Integer, String> KNOWN = Map.of(
            4, "column name of a result that starts with a blob literal loses its first two characters: X'00' -> 0'",
            15, "the same, x'31' + 1",
            16, "the same, x'00' > 'z'",
            52, "the same, x'41' = 'A'",
            10, "the literal 1.5e300 reads as 1.4999999999999998E300 (text-to-real conversion not correctly rounded)",
            88, "WITH RECURSIVE: 'Recursive CTEs are not yet supported'");

    @BeforeAll
    static void installed() {
        EnginesHome home = EnginesHome.fromEnvironment();
        // .ci/run installs Turso and sets LOUPE_REQUIRE_TURSO=1, so CI never skips this; a machine without
        // Node.js (the README's JDK-only case) skips it with this message
        Assumptions.assumeTrue("1".equals(System.getenv("LOUPE_REQUIRE_TURSO"))
                        || new TursoInstall(home.turso()).installed(),
                "Turso is not installed in " + home.turso() + ": run .ci/run or 'loupe engines install turso'");
        assertThat(new TursoInstall(home.turso()).installed())
                .as("Turso is not installed in %s: run .ci/run or 'loupe engines install turso'", home.turso())
                .isTrue();
        turso = new TursoEngine(home.turso());
    }

    @Test
    void reportsItsVersion() {
        assertThat(turso.version()).isEqualTo(TursoInstall.PINNED_VERSION + " (sqlite_version 3.50.4)");
        assertThat(turso.available()).isTrue();
    }

    /** A cmd: engine whose program speaks the runner protocol gets per-statement results: here, the Turso runner. */
    @Test
    void commandSpeakingTheRunnerProtocolGivesPerStatementResults() {
        Script script = Script.parse("SELECT 1, 2.5, 'x', x'01', NULL; SELECT * FROM nope");
        String runner = EnginesHome.fromEnvironment().turso().resolve(TursoInstall.RUNNER).toString();
        turso.version(); // writes the runner
        RunResult viaCmd = new CommandEngine("node " + runner + " {json}").run(script, null, Limits.defaults());
        RunResult direct = turso.run(script, null, Limits.defaults());
        assertThat(viaCmd.outcomes()).isEqualTo(direct.outcomes()).hasSize(2);
        assertThat(viaCmd.outcomes().get(1)).isInstanceOfSatisfying(Outcome.Error.class,
                e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.NO_SUCH_TABLE));
    }

    @Test
    void runsTheCorpus() throws IOException {
        Script script = Corpus.script();
        RunResult sqlite = new SqliteEngine().run(script, null, Limits.defaults());
        RunResult t = turso.run(script, null, Limits.defaults());
        List<String> differences = Corpus.differences(script, sqlite, t, false);
        Files.writeString(Path.of("target", "turso-vs-sqlite.txt"), String.join("\n", differences) + "\n");
        assertThat(t.abort()).as(String.join("\n", differences)).isEmpty();
        assertThat(t.outcomes()).hasSize(script.size());
        Map<Integer, String> differing = new TreeMap<>();
        for (int i = 0; i < script.size(); i++) {
            if (!t.outcomes().get(i).sameAs(sqlite.outcomes().get(i))) {
                differing.put(i + 1, script.statements().get(i).sql());
            }
        }
        assertThat(differing.keySet()).as(String.join("\n", differences))
                .containsExactlyInAnyOrderElementsOf(KNOWN.keySet());
    }
}
