package dev.loupe.issue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a draft tells readers to run does run: the sqlite3 shell loads the hexdb heredoc and sees the damage. */
class DraftRunsTest {

    @TempDir
    Path tmp;

    @Test
    void hexdbHeredocAndRegressionTestReproduceSqlitesVerdict() throws Exception {
        Path dir = Fixtures.write("corruption-file", tmp.resolve("c"));
        Reproducer r = ReproducerReader.read(dir);
        // The sqlite3 shell here (3.40) words integrity_check unlike sqlite-jdbc (3.54): compare shell with shell.
        Files.copy(dir.resolve("repro.db"), tmp.resolve("copy.db"));
        String expected = run(tmp, "sqlite3 copy.db 'PRAGMA integrity_check;'");
        assertThat(expected).contains("page 2 cell 0").contains("out of range").doesNotStartWith("ok");
        String command = EngineCommands.of(r).get(0).command();
        assertThat(command).startsWith("sqlite3 <<'EOF'\n.open --hexdb\n");
        assertThat(run(tmp, command)).isEqualTo(expected);

        IssueDraft d = DraftGoldenTest.draft(dir, IssueTemplate.builtIn());
        Path test = tmp.resolve("regression.sql");
        Files.writeString(test, d.regressionTest());
        String out = run(tmp, "sqlite3 < regression.sql");
        assertThat(out).isEqualTo(expected);
        String reference = Fixtures.utf8(Files.readAllBytes(dir.resolve("outputs/sqlite.txt")));
        String commented = reference.lines().map(l -> "-- " + l + "\n").reduce("", String::concat);
        assertThat(d.regressionTest()).endsWith(commented);
        assertThat(d.body()).contains("cell-pointer-out-of-range").contains("page 2, cell 0, offset 8, length 2")
                .contains("00000200  0d 00 00 00 03 01 e5 00  0f f0");
    }

    @Test
    void sqlRegressionTestRunsInTheSqlite3Shell() throws Exception {
        Path dir = Fixtures.write("wrong-result-sql", tmp.resolve("w"));
        IssueDraft d = DraftGoldenTest.draft(dir, IssueTemplate.builtIn());
        Files.writeString(tmp.resolve("regression.sql"), d.regressionTest());
        assertThat(run(tmp, "sqlite3 :memory: < regression.sql")).isEqualTo("Inf|it's $HOME `x`\n");
    }

    @Test
    void dedupKeyIgnoresLiteralsAndSpacing() {
        String a = DedupKey.fingerprint("SELECT  1.5e300 * 10,\n 'a' FROM t WHERE x = x'00'");
        String b = DedupKey.fingerprint("select 2e300 * 3, 'bb' from T where x = X'01'");
        assertThat(a).isEqualTo(b).isEqualTo("select ? * ? , ? from t where x = ?");
        assertThat(DedupKey.of("Wrong result: SELECT 1.5e300 is 'Inf'", a))
                .isEqualTo(DedupKey.of("Wrong result:  select 7 is \"NaN\"", b))
                .isNotEqualTo(DedupKey.of("Crash: SELECT 1.5e300 is 'Inf'", a))
                .isNotEqualTo(DedupKey.of("Wrong result: SELECT 1.5e300 is 'Inf'", DedupKey.fingerprint("SELECT 1")))
                .hasSize(16);
    }

    @Test
    void badDirectoriesAreReported() throws Exception {
        assertThatThrownBy(() -> ReproducerReader.read(tmp.resolve("none")))
                .isInstanceOf(ReproducerException.class).hasMessageContaining("no such directory");
        assertThatThrownBy(() -> ReproducerReader.read(tmp))
                .isInstanceOf(ReproducerException.class).hasMessageContaining("no reproducer.json");
        Files.writeString(tmp.resolve("reproducer.json"), "{\"kind\": \"sql\", \"failure\": {\"class\": \"oops\"}}");
        assertThatThrownBy(() -> ReproducerReader.read(tmp))
                .isInstanceOf(ReproducerException.class).hasMessageContaining("unknown failure class \"oops\"");
        Files.writeString(tmp.resolve("reproducer.json"), "{nope");
        assertThatThrownBy(() -> ReproducerReader.read(tmp))
                .isInstanceOf(ReproducerException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> IssueTemplate.parse("t.mustache", "{{#open}}never closed"))
                .isInstanceOf(IssueTemplateException.class).hasMessageContaining("t.mustache");
        Path ok = Fixtures.write("crash-sql", tmp.resolve("ok"));
        IssueTemplate typo = IssueTemplate.parse("typo.mustache", "{{titel}}");
        assertThatThrownBy(() -> DraftGoldenTest.draft(ok, typo))
                .isInstanceOf(IssueTemplateException.class).hasMessageContaining("titel");
    }

    static String run(Path cwd, String shellCommand) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", shellCommand).directory(cwd.toFile()).redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
