package dev.loupe.cli;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `loupe gui` checks its arguments itself, then runs the GUI jar in a new JVM and returns its exit code. The real GUI
 * is tested in visualizer-gui (Launcher, headless snapshot); here a stand-in jar records what it was given.
 */
class GuiCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(GuiCommand.JAR_PROPERTY);
    }

    @Test
    void usageErrorsNeedNoGui() throws Exception {
        Path db = Samples.copyTo(Sample.PAGE_1024, dir);
        Cli bad = Cli.run("gui", db.toString(), "--view", "rows");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("pages, tree:NAME or page:N");
        assertThat(Cli.run("gui", "--snapshot", "x.png").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("gui", dir.resolve("missing.db").toString()).exitCode()).isEqualTo(ExitCode.UNREADABLE);
        System.setProperty(GuiCommand.JAR_PROPERTY, dir.resolve("nowhere.jar").toString());
        Cli noJar = Cli.run("gui", db.toString());
        assertThat(noJar.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noJar.err()).contains("nowhere.jar").contains("does not exist");
    }

    @Test
    void runsTheGuiJarWithTheArgumentsAndReturnsItsExitCode() throws Exception {
        Path db = Samples.copyTo(Sample.PAGE_1024, dir);
        Path jar = fakeGuiJar();
        System.setProperty(GuiCommand.JAR_PROPERTY, jar.toString());
        Path out = dir.resolve("shot.png");
        Cli cli = Cli.run("gui", db.toString(), "--view", "tree:mixed", "--snapshot", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(7);
        assertThat(Files.readAllLines(Path.of(out + ".args")))
                .containsExactly(db.toString(), "--view", "tree:mixed", "--snapshot", out.toString());
    }

    @Test
    void walAndTimingArePassedOn() throws Exception {
        Path db = Samples.copyTo(Sample.WAL, dir);
        Path wal = dir.resolve("other.wal");
        Files.move(Path.of(db + "-wal"), wal);
        System.setProperty(GuiCommand.JAR_PROPERTY, fakeGuiJar().toString());
        Path out = dir.resolve("shot.png");
        Cli cli = Cli.run("gui", db.toString(), "--wal", wal.toString(), "--timing", "--snapshot", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(7);
        assertThat(Files.readAllLines(Path.of(out + ".args")))
                .containsExactly(db.toString(), "--wal", wal.toString(), "--timing", "--snapshot", out.toString());
        Cli missing = Cli.run("gui", db.toString(), "--wal", dir.resolve("none.wal").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(missing.err()).contains("cannot read the WAL");
        assertThat(Cli.run("gui", "--wal", "ignore").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    /** A jar whose manifest runs {@link FakeGui} from this module's test classes. */
    private Path fakeGuiJar() throws Exception {
        Path classes = Path.of(FakeGui.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("loupe-gui.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeGui.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, dir.relativize(classes).toString().replace('\\', '/')
                + "/");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os, m)) {
            j.flush();
        }
        return jar;
    }
}
