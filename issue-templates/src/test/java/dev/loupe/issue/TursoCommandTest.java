package dev.loupe.issue;

import dev.loupe.repro.engine.TursoInstall;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Node one-liner a draft gives for Turso runs on the real @tursodatabase/database and shows its results. */
class TursoCommandTest {

    @TempDir
    Path tmp;

    @Test
    void tursoOneLinerRunsTheReproducer() throws Exception {
        Path engines = Path.of("..", ".loupe", "engines").toAbsolutePath().normalize();
        Assumptions.assumeTrue("1".equals(System.getenv("LOUPE_REQUIRE_TURSO"))
                || new TursoInstall(engines.resolve("turso")).installed(), "Turso is not installed in " + engines);
        Path dir = Fixtures.write("wrong-result-sql", tmp.resolve("w"));
        Files.writeString(dir.resolve("repro.sql"), "CREATE TABLE t(a);\nINSERT INTO t VALUES (1), ('x;y');\n"
                + "SELECT a, typeof(a) FROM t;\nSELECT nosuch();\n");
        Reproducer r = ReproducerReader.read(dir);
        String turso = EngineCommands.of(r).stream().filter(c -> c.engine().equals("turso")).findFirst()
                .orElseThrow().command();
        Path work = tmp.resolve("work");
        Files.createDirectories(work);
        Files.copy(dir.resolve("repro.sql"), work.resolve("repro.sql"));
        // What the draft says: run it where the package is installed (here: linked from the engines folder).
        Files.createSymbolicLink(work.resolve("node_modules"), engines.resolve("turso/node_modules"));
        String out = DraftRunsTest.run(work, turso);
        assertThat(out).isEqualTo("[]\n[]\n[[1,\"integer\"],[\"x;y\",\"text\"]]\n"
                + out.lines().skip(3).findFirst().orElse("") + "\n");
        assertThat(out.lines().skip(3).findFirst().orElse("")).startsWith("Error: ").contains("nosuch");
        assertThat(DraftRunsTest.run(work, EngineCommands.of(r).get(0).command()))
                .startsWith("1|integer\nx;y|text\n").contains("no such function: nosuch");
    }
}
