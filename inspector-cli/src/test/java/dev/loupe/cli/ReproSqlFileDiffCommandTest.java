package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `loupe repro sql --oracle filediff` on a real pair: SQLite in process against the sqlite3 shell writing the
 * legacy file format (0 and 1 cannot use serial types 8 and 9 there). The reproducer holds both files, the diff in
 * reproducer.json, and a "File compat:" draft; `loupe diff` on the two files agrees.
 */
class ReproSqlFileDiffCommandTest {

    private static final String LEGACY = "cmd:sqlite3 -batch -cmd '.dbconfig legacy_file_format on' {db}";

    @TempDir
    Path dir;

    @Test
    void filediffReproducerHoldsBothFilesAndTheDiff() throws Exception {
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)");
        for (int i = 0; i < 25; i++) {
            s.add("INSERT INTO t(a, b) VALUES (" + (i == 17 ? 0 : i * 11 + 2) + ", 'v" + i + "')");
        }
        Path script = Files.writeString(dir.resolve("s.sql"), String.join(";\n", s) + ";\n");
        Path out = dir.resolve("out");
        Cli c = Cli.run("repro", "sql", script.toString(), "--engines", "sqlite," + LEGACY, "--oracle", "filediff",
                "-j", "2", "-o", out.toString(), "--format", "json");
        assertThat(c.exitCode()).as(c.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertThat(j.path("oracle").asText()).isEqualTo("filediff");
        assertThat(j.path("failure").path("class").asText()).isEqualTo("file-compat");
        assertThat(j.path("failure").path("signature").asText()).isEqualTo("encoding");
        assertThat(j.path("reduced").path("statements").asInt()).isLessThanOrEqualTo(2);
        assertThat(j.path("fileDiff").path("firstIncompatible").path("kind").asText()).isEqualTo("encoding");
        assertThat(j.path("fileDiff").path("fileA").asText()).isEqualTo("sqlite");
        assertThat(j.path("issueDraft").asText()).endsWith("issue.md");
        assertThat(Files.readString(out.resolve("issue.md"))).contains("## File differences");

        Path a = out.resolve(j.path("databases").path("sqlite").asText());
        Path b = out.resolve(j.path("databases").path(LEGACY).asText());
        Cli diff = Cli.run("diff", a.toString(), b.toString());
        assertThat(diff.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(diff.out()).contains("incompatible  encoding", "zero (serial type 8) = 0",
                "int8 (serial type 1) 00 = 0");
    }

    @Test
    void unknownOracleNamesFilediff() throws Exception {
        Path script = Files.writeString(dir.resolve("s.sql"), "SELECT 1;\n");
        Cli c = Cli.run("repro", "sql", script.toString(), "--engines", "sqlite,sqlite3", "--oracle", "filediffs",
                "-o", dir.resolve("o").toString());
        assertThat(c.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(c.err()).isEqualTo("loupe: unknown oracle 'filediffs': use diff, error, crash, check:CODE or"
                + " filediff\n");
    }
}
