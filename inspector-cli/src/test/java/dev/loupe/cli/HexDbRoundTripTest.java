package dev.loupe.cli;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe dbtotxt} text loads in the sqlite3 shell with {@code .open --hexdb} and dumps the same as the
 * database itself; {@code loupe hexdb} turns the text back into identical bytes.
 */
class HexDbRoundTripTest {

    private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"DEMO", "PAGE_512", "OVERFLOW", "UTF16LE", "RESERVED_8",
            "AUTOVACUUM_FULL", "FREELIST"})
    void roundTripGivesIdenticalBytes(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp);
        Path txt = tmp.resolve("db.txt");
        Cli d = Cli.run("dbtotxt", "-o", txt.toString(), db.toString());
        assertThat(d.exitCode()).as(d.err()).isZero();
        Path back = tmp.resolve("back.db");
        Cli h = Cli.run("hexdb", txt.toString(), "-o", back.toString());
        assertThat(h.exitCode()).as(h.out() + h.err()).isZero();
        assertThat(h.out()).startsWith("Wrote ");
        assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(db));
        Cli stdout = Cli.run("dbtotxt", db.toString());
        assertThat(stdout.out()).isEqualTo(Files.readString(txt));
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"DEMO", "PAGE_1024", "WITHOUT_ROWID", "UTF16BE"})
    void sqlite3LoadsTheTextWithTheSameContent(Sample sample) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SQLITE3), "the sqlite3 CLI is not installed");
        Path db = Samples.copyTo(sample, tmp);
        Path txt = tmp.resolve("db.txt");
        assertThat(Cli.run("dbtotxt", "-o", txt.toString(), db.toString()).exitCode()).isZero();
        String fromText = sqlite3(".open --hexdb " + txt + "\n.dump\n");
        String fromFile = sqlite3(".open " + db + "\n.dump\n");
        assertThat(fromText).contains("CREATE TABLE").isEqualTo(fromFile);
    }

    @Test
    void walIsAppliedAsSqliteSeesIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SQLITE3), "the sqlite3 CLI is not installed");
        Path db = Samples.copyTo(Sample.WAL, tmp.resolve("a"));
        Path txt = tmp.resolve("wal.txt");
        assertThat(Cli.run("dbtotxt", "-o", txt.toString(), db.toString()).exitCode()).isZero();
        // The header says WAL mode, which an in-memory .open --hexdb database cannot use (SQLite answers "unable to
        // open database file", as it would for dbtotxt's own text): load the text as a file instead, no WAL beside.
        Path back = tmp.resolve("back.db");
        assertThat(Cli.run("hexdb", txt.toString(), "-o", back.toString()).exitCode()).isZero();
        Path copy = Samples.copyTo(Sample.WAL, tmp.resolve("b"));
        assertThat(sqlite3(".open " + back + "\n.dump\n")).contains("INSERT INTO")
                .isEqualTo(sqlite3(".open " + copy + "\n.dump\n"));
    }

    @Test
    void damagedTextIsReportedAndStillWritten() throws Exception {
        Path db = Samples.copyTo(Sample.PAGE_512, tmp);
        String text = Cli.run("dbtotxt", db.toString()).out();
        String[] lines = text.split("\n");
        lines[3] = lines[3].substring(0, 30); // a data line with fewer than 16 bytes: the shell skips it
        Path bad = Files.writeString(tmp.resolve("bad.txt"), String.join("\n", lines) + "\n");
        Path out = tmp.resolve("out.db");
        Cli r = Cli.run("hexdb", "--format", "json", bad.toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("\"problems\"").contains("hexdb-syntax");
        assertThat(Files.exists(out)).isTrue();
    }

    private String sqlite3(String script) throws Exception {
        Process p = new ProcessBuilder(SQLITE3.toString(), "-batch").directory(tmp.toFile())
                .redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
