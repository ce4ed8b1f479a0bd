package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `loupe diff`: exit codes, text and JSON, one-line errors, the WAL applied as SQLite applies it; files written by
 * SQLite itself (sqlite-jdbc, and the sqlite3 shell with the legacy file format), whose rows SQLite reads back.
 */
class DiffCommandTest {

    @TempDir
    Path dir;

    private static final List<String> CONTENT = List.of(
            "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)", "CREATE INDEX t_b ON t(b)",
            "INSERT INTO t VALUES (1, 0, 'zero'), (2, 1, 'one'), (3, 300, 'many')");

    private Path write(String name, List<String> pragmas) throws Exception {
        Path p = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = c.createStatement()) {
            for (String sql : pragmas) {
                s.execute(sql);
            }
            for (String sql : CONTENT) {
                s.execute(sql);
            }
        }
        return p;
    }

    /** The same content written by the sqlite3 shell in the legacy file format (schema format 1: no types 8, 9). */
    private Path legacy(String name) throws Exception {
        Path p = dir.resolve(name);
        Process pr = new ProcessBuilder("sqlite3", "-batch", "-cmd", ".dbconfig legacy_file_format on", p.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        pr.getOutputStream().write((String.join(";\n", CONTENT) + ";\n").getBytes());
        pr.getOutputStream().close();
        assertThat(pr.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pr.exitValue()).isZero();
        return p;
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        Path copy = Files.createTempFile("loupe-diff-cli", ".db");
        Files.copy(db, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        return out;
    }

    @Test
    void onlyBenignDifferencesExitZeroAndAreCountedUnlessListed() throws Exception {
        Path a = write("a.db", List.of());
        Path b = write("b.db", List.of("PRAGMA page_size=1024"));
        Cli c = Cli.run("diff", a.toString(), b.toString());
        assertThat(c.exitCode()).as(c.out() + c.err()).isZero();
        assertThat(c.err()).isEmpty();
        assertThat(c.out()).startsWith("A: " + a + " (").contains("B: " + b + " (", "pages of 1024 bytes")
                .contains("benign (--benign lists them): header 1").endsWith("0 incompatible, " + count(c.out())
                        + " benign differences\n").doesNotContain("pageSize");
        Cli listed = Cli.run("diff", "--benign", a.toString(), b.toString());
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("header\n  benign        header            pageSize @16 differs",
                "      A page 1 @16: 4096 (4096 bytes)", "      B page 1 @16: 1024 (1024 bytes)");
    }

    private static long count(String out) {
        String last = out.strip().lines().reduce((x, y) -> y).orElse("");
        return Long.parseLong(last.replaceAll(".*incompatible, (\\d+) benign.*", "$1"));
    }

    @Test
    void anEncodingDifferenceExitsOneWithBothSerialTypes() throws Exception {
        Path a = write("a.db", List.of());
        Path b = legacy("legacy.db");
        assertThat(rows(a, "SELECT * FROM t ORDER BY id")).as("SQLite reads the same rows from both")
                .isEqualTo(rows(b, "SELECT * FROM t ORDER BY id")).hasSize(3);
        Cli c = Cli.run("diff", a.toString(), b.toString());
        assertThat(c.exitCode()).as(c.out() + c.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(c.out()).contains("table t\n  incompatible  encoding          rowid 1  column a: the same value"
                        + " stored as zero (serial type 8) vs int8 (serial type 1)",
                "zero (serial type 8) = 0", "int8 (serial type 1) 00 = 0", "rowid 2  column a",
                "one (serial type 9) = 1", "int8 (serial type 1) 01 = 1");
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        Path a = write("a.db", List.of());
        Path b = legacy("legacy.db");
        Cli c = Cli.run("diff", "--format", "json", a.toString(), b.toString());
        assertThat(c.exitCode()).isEqualTo(ExitCode.FINDINGS);
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("fileA", "fileB", "incompatible", "benign",
                "summary", "firstIncompatible", "counts", "objects", "differences", "notListed");
        assertThat(j.path("fileA").asText()).isEqualTo(a.toString());
        // rows 1 and 2 hold 0 and 1 in column a; the index entry of row 1 holds rowid 1
        assertThat(j.path("incompatible").asLong()).isEqualTo(3);
        assertThat(j.path("notListed").asLong()).isZero();
        JsonNode first = j.path("firstIncompatible");
        assertThat(first.fieldNames()).toIterable().containsExactly("class", "kind", "section", "object", "key",
                "pageA", "offsetA", "pageB", "offsetB", "field", "a", "b", "message", "signature");
        assertThat(first.path("kind").asText()).isEqualTo("encoding");
        assertThat(first.path("section").asText()).isEqualTo("object");
        assertThat(first.path("signature").asText()).isEqualTo("encoding");
        assertThat(first.path("object").asText()).isEqualTo("t");
        assertThat(first.path("key").asText()).isEqualTo("rowid 1");
        JsonNode t = j.path("objects").get(1);
        assertThat(t.path("object").asText()).isEqualTo("t");
        assertThat(t.path("entriesA").asLong()).isEqualTo(Long.parseLong(rows(a, "SELECT count(*) FROM t").get(0)));
        assertThat(t.path("changed").asLong()).isEqualTo(2);
        assertThat(j.path("counts").get(0).path("class").asText()).isEqualTo("incompatible");
        assertThat(j.path("differences").size()).isEqualTo(j.path("incompatible").asInt() + j.path("benign").asInt());
    }

    @Test
    void theWalIsAppliedAsSqliteAppliesIt() throws Exception {
        Path a = write("plain.db", List.of("PRAGMA journal_mode=WAL"));
        // a database whose last rows are only in its -wal: copied while the connection that wrote them is open
        Path live = dir.resolve("live.db");
        Path b = dir.resolve("b.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            for (String sql : CONTENT) {
                s.execute(sql);
            }
            Files.copy(live, b);
            Files.copy(dir.resolve("live.db-wal"), dir.resolve("b.db-wal"));
        }
        // SQLite: the file alone has no table yet; with its -wal beside it, the rows
        assertThat(rows(b, "SELECT count(*) FROM sqlite_schema")).containsExactly("0");
        Path withWal = Files.createDirectories(dir.resolve("copy"));
        Files.copy(b, withWal.resolve("b.db"));
        Files.copy(dir.resolve("b.db-wal"), withWal.resolve("b.db-wal"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + withWal.resolve("b.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            assertThat(rs.getLong(1)).isEqualTo(3);
        }
        Cli applied = Cli.run("diff", a.toString(), b.toString());
        assertThat(applied.exitCode()).as(applied.out()).isZero();
        assertThat(applied.out()).contains("WAL applied up to commit");
        Cli ignored = Cli.run("diff", "--wal", "ignore", a.toString(), b.toString());
        assertThat(ignored.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(ignored.out()).contains("(1 page of 4096 bytes)", "schema-object     table t is in A only")
                .doesNotContain("textEncoding"); // 0 (no schema yet) reads as UTF-8: the same encoding
    }

    @Test
    void errorsAreOneLineWithTheirExitCodes() throws Exception {
        Path a = write("a.db", List.of());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a database at all\n");
        assertError(Cli.run("diff", a.toString(), dir.resolve("missing.db").toString()), ExitCode.UNREADABLE,
                "loupe: " + dir.resolve("missing.db") + ": no such file");
        assertError(Cli.run("diff", text.toString(), a.toString()), ExitCode.UNREADABLE,
                "loupe: " + text + ": not an SQLite database (no SQLite header, no valid page size)");
        assertError(Cli.run("diff", "--wal", dir.resolve("x-wal").toString(), a.toString(), a.toString()),
                ExitCode.USAGE, "loupe: --wal PATH names the WAL of one database; diff reads two: use --wal auto"
                        + " (each file's own -wal) or --wal ignore");
        assertError(Cli.run("diff", "--max", "0", a.toString(), a.toString()), ExitCode.USAGE,
                "loupe: --max must be at least 1");
        assertError(Cli.run("diff", "--format", "xml", a.toString(), a.toString()), ExitCode.USAGE,
                "loupe: --format must be text or json, not 'xml'");
        Cli missing = Cli.run("diff", a.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).startsWith("loupe: Missing required parameter: 'B'");
    }

    @Test
    void anEmptyFileIsAnEmptyDatabase() throws Exception {
        Path empty = Files.write(dir.resolve("empty.db"), new byte[0]);
        Path a = write("a.db", List.of());
        Cli c = Cli.run("diff", empty.toString(), a.toString());
        assertThat(c.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(c.out()).contains("(empty: no page written)", "schema-object", "table t is in B only");
        assertThat(Cli.run("diff", empty.toString(), empty.toString()).out()).endsWith("no differences\n");
    }

    private static void assertError(Cli c, int code, String line) {
        assertThat(c.exitCode()).isEqualTo(code);
        assertThat(c.out()).isEmpty();
        assertThat(c.err()).isEqualTo(line + "\n");
    }
}
