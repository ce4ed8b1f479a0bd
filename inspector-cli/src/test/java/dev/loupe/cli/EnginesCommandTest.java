package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.repro.engine.TursoInstall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `loupe engines`: the engines with the versions they report; `install turso` is idempotent. */
class EnginesCommandTest {

    private String saved;

    /** The folder .ci/run installs Turso into (the repository's .loupe/engines). */
    @BeforeEach
    void enginesDir() {
        saved = System.getProperty("loupe.engines.dir");
        Path dir = Path.of("..", ".loupe", "engines").toAbsolutePath().normalize();
        System.setProperty("loupe.engines.dir", dir.toString());
        // .ci/run installs Turso and sets LOUPE_REQUIRE_TURSO=1, so CI never skips; a JDK-only machine does
        Assumptions.assumeTrue("1".equals(System.getenv("LOUPE_REQUIRE_TURSO"))
                || new TursoInstall(dir.resolve("turso")).installed(), "Turso is not installed in " + dir
                + ": run .ci/run or 'loupe engines install turso'");
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("loupe.engines.dir");
        } else {
            System.setProperty("loupe.engines.dir", saved);
        }
    }

    @Test
    void listsEnginesWithVersions() {
        Cli r = Cli.run("engines");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^sqlite +yes +3\\.\\d+\\.\\d+ ")
                .containsPattern("(?m)^sqlite3 +yes +3\\.40\\.1 ")
                .containsPattern("(?m)^turso +yes +" + TursoInstall.PINNED_VERSION.replace(".", "\\.")
                        + " \\(sqlite_version 3\\.50\\.4\\)")
                .contains("cmd:TEMPLATE").contains("Engines folder: ");
    }

    @Test
    void listsEnginesAsJson() throws Exception {
        Cli r = Cli.run("engines", "--format", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("engines")).hasSize(4);
        assertThat(root.get("engines").get(0).get("name").asText()).isEqualTo("sqlite");
        assertThat(root.get("engines").get(1).get("version").asText()).isEqualTo("3.40.1");
        assertThat(root.get("engines").get(2).get("available").asBoolean()).isTrue();
    }

    @Test
    void installIsIdempotent() {
        Cli r = Cli.run("engines", "install", "turso");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("already installed");
    }

    @Test
    void installingAnUnknownEngineIsAUsageError() {
        Cli r = Cli.run("engines", "install", "sqlite3");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("loupe: only turso");
        assertThat(Cli.run("engines", "--format", "xml").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
