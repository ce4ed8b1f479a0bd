package dev.loupe.repro.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One pin: the Java constant, the package.json that install and .ci/run write, and where engines live. */
class TursoPinTest {

    @Test
    void pinnedVersionMatchesThePackageJson() {
        assertThat(TursoInstall.resourceText("turso-package.json"))
                .contains("\"@tursodatabase/database\": \"" + TursoInstall.PINNED_VERSION + "\"");
    }

    @Test
    void enginesFolderComesFromPropertyThenEnvironmentThenCache() {
        assertThat(EnginesHome.from("/p", Map.of("LOUPE_ENGINES_DIR", "/e"), "/home/u").dir()).isEqualTo(Path.of("/p"));
        assertThat(EnginesHome.from(null, Map.of("LOUPE_ENGINES_DIR", "/e"), "/home/u").dir()).isEqualTo(Path.of("/e"));
        assertThat(EnginesHome.from(null, Map.of("XDG_CACHE_HOME", "/c"), "/home/u").turso())
                .isEqualTo(Path.of("/c/loupe/engines/turso"));
        assertThat(EnginesHome.from(null, Map.of(), "/home/u").dir()).isEqualTo(Path.of("/home/u/.cache/loupe/engines"));
    }

    @Test
    void runnerErrorsKeepTheMessageAndFindTheClass() {
        Outcome.Error e = RunnerProtocol.error("GenericFailure",
                "step failed: Runtime error: UNIQUE constraint failed: t.a (19)");
        assertThat(e.errorClass()).isEqualTo(ErrorClass.CONSTRAINT);
        assertThat(e.code()).isEqualTo(19);
        assertThat(e.message()).startsWith("step failed:");
        assertThat(RunnerProtocol.error("SQLITE_CONSTRAINT_UNIQUE", "x").code()).isEqualTo(19);
        assertThat(RunnerProtocol.error("", "prepare failed: Parse error: no such table: nope").errorClass())
                .isEqualTo(ErrorClass.NO_SUCH_TABLE);
    }
}
