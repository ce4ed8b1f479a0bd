package dev.loupe.repro.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.repro.diff.DiffKind;
import dev.loupe.repro.engine.CommandEngine;
import dev.loupe.repro.engine.Engine;
import dev.loupe.repro.engine.Limits;
import dev.loupe.repro.engine.SqliteEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filediff oracle on real SQLite pairs. SQLite in-process against the sqlite3 shell with the legacy file format
 * (SQLITE_DBCONFIG_LEGACY_FILE_FORMAT: schema format 1, where 0 and 1 cannot use serial types 8 and 9) writes the
 * same rows with other record bytes: an incompatible encoding difference, which the reducer keeps while it shrinks
 * a generated script. The shell with another page size writes only benign differences: no failure.
 */
class SqlReducerFileDiffTest {

    private static final String LEGACY = "sqlite3 -batch -cmd '.dbconfig legacy_file_format on' {db}";
    private static final Duration BUDGET = Duration.ofSeconds(90);

    private static FailureDetector detector(String template) {
        List<Engine> engines = List.of(new SqliteEngine(), new CommandEngine(template));
        return new FailureDetector(engines, Oracle.parse("filediff"), null, Limits.defaults(), new boolean[] {false,
                true});
    }

    @Test
    void legacyFileFormatIsAnEncodingDifferenceTheReducerKeeps(@TempDir Path dir) throws Exception {
        Script script = Script.of(ScriptGenerator.generate(11, 60, Map.of(40,
                "INSERT INTO t1(x, y, z) VALUES (1, 'flag', 0)")));
        FailureDetector d = detector(LEGACY);
        Failure original = d.detect(script).orElseThrow();
        assertThat(original.failureClass()).isEqualTo("file-compat");
        assertThat(original.signature()).isEqualTo("encoding");
        assertThat(original.fileDiff().firstIncompatibleDifference().orElseThrow().kind())
                .isEqualTo(DiffKind.ENCODING);

        SqlReducer.Result r = new SqlReducer(d, BUDGET, 2, p -> { }).reduce(script, original);
        assertThat(r.budgetSpent()).isFalse();
        assertThat(r.reduced().size()).isLessThanOrEqualTo(2);
        assertThat(r.failure().signature()).isEqualTo("encoding");
        assertThat(r.failure().summary()).contains("the same value stored as");
        assertThat(r.failure().fileDiff().firstIncompatibleDifference().orElseThrow().a()).matches(
                "(zero \\(serial type 8\\)|one \\(serial type 9\\)) = [01]");

        // the reproducer directory: both engines' files, SQLite's own word on them, the diff in reproducer.json
        List<byte[]> images = d.images(r.reduced());
        SqlReproducerWriter.write(dir, r, d.engines(), d.oracle(), d.runAll(r.reduced()), "test", Instant.EPOCH,
                images);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("reproducer.json").toFile());
        assertThat(json.path("oracle").asText()).isEqualTo("filediff");
        assertThat(json.path("failure").path("class").asText()).isEqualTo("file-compat");
        assertThat(json.path("fileDiff").path("incompatible").asLong()).isPositive();
        assertThat(json.path("fileDiff").path("text").asText()).contains("incompatible  encoding");
        Path a = dir.resolve(json.path("databases").path("sqlite").asText());
        Path b = dir.resolve(json.path("databases").path(d.engines().get(1).name()).asText());
        assertThat(sqlite(a, "PRAGMA schema_version")).isNotEmpty();
        assertThat(schemaFormat(a)).isEqualTo(4);
        assertThat(schemaFormat(b)).isEqualTo(1);
        String table = r.reduced().sqls().get(0).split("[ (]")[2];
        assertThat(sqlite(a, "SELECT * FROM " + table)).as("SQLite reads the same rows from both files")
                .isEqualTo(sqlite(b, "SELECT * FROM " + table)).isNotEmpty();
    }

    @Test
    void anotherPageSizeIsNoFileDiffFailure() {
        Script script = Script.of(ScriptGenerator.generate(11, 40, Map.of()));
        assertThat(detector("sqlite3 -batch -cmd 'PRAGMA page_size=1024' {db}").detect(script)).isEmpty();
    }

    @Test
    void oracleParsesAndClassesAsFileCompat() {
        Oracle o = Oracle.parse("filediff");
        assertThat(o.kind()).isEqualTo(Oracle.Kind.FILEDIFF);
        assertThat(o.toString()).isEqualTo("filediff");
        assertThat(o.failureClass()).isEqualTo("file-compat");
        assertThat(o.needsFiles()).isTrue();
    }

    private static int schemaFormat(Path db) throws Exception {
        byte[] b = Files.readAllBytes(db);
        return ((b[44] & 0xff) << 24) | ((b[45] & 0xff) << 16) | ((b[46] & 0xff) << 8) | (b[47] & 0xff);
    }

    /** A query's rows on a copy (SQLite may write beside what it opens). */
    private static List<String> sqlite(Path db, String sql) throws Exception {
        Path copy = Files.createTempFile("loupe-filediff", ".db");
        Files.copy(db, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.append(i > 1 ? "|" : "").append(v == null ? "null" : v.getClass().getSimpleName() + ":" + v);
                }
                out.add(row.toString());
            }
        } finally {
            Files.deleteIfExists(copy);
        }
        return out;
    }
}
