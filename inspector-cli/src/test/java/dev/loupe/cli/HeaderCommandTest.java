package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code loupe header}: every field's bytes are the file's bytes and its value is what SQLite's pragmas say. */
class HeaderCommandTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void jsonFieldsAgreeWithTheFileAndSqlite(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        byte[] file = Files.readAllBytes(db);
        Cli r = Cli.run("header", "--format", "json", "--wal", "ignore", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode h = new ObjectMapper().readTree(r.out());
        Map<String, Long> values = new HashMap<>();
        long covered = 0;
        for (JsonNode f : h.get("fields")) {
            int off = f.get("offset").asInt();
            int len = f.get("length").asInt();
            assertThat(f.get("offset").asLong()).as("fields are contiguous").isEqualTo(covered);
            covered += len;
            assertThat(f.get("hex").asText()).as(f.get("name").asText())
                    .isEqualTo(HexFormat.of().formatHex(file, off, off + len));
            values.put(f.get("name").asText(), f.get("value").asLong());
        }
        assertThat(covered).isEqualTo(100);
        assertThat(h.get("problems")).isEmpty();
        // pragmas read the database file's header; the WAL sample's header is read without its WAL above
        Path copy = Samples.copyTo(sample, tmp.resolve("sqlite"));
        if (sample.hasWal()) {
            Files.delete(copy.resolveSibling(copy.getFileName() + "-wal"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            long pageSize = scalar(st, "PRAGMA page_size");
            assertThat(values.get("pageSize") == 1 ? 65536 : values.get("pageSize")).isEqualTo(pageSize);
            assertThat(values.get("userVersion")).isEqualTo(scalar(st, "PRAGMA user_version"));
            assertThat(values.get("applicationId")).isEqualTo(scalar(st, "PRAGMA application_id"));
            assertThat(values.get("schemaCookie")).isEqualTo(scalar(st, "PRAGMA schema_version"));
            assertThat(values.get("freelistPageCount")).isEqualTo(scalar(st, "PRAGMA freelist_count"));
            assertThat(values.get("databaseSizeInPages")).isEqualTo(scalar(st, "PRAGMA page_count"));
            long autoVacuum = scalar(st, "PRAGMA auto_vacuum");
            assertThat(values.get("largestRootBtreePage") != 0).isEqualTo(autoVacuum != 0);
            assertThat(values.get("incrementalVacuumMode")).isEqualTo(autoVacuum == 2 ? 1 : 0);
            String enc = text(st, "PRAGMA encoding");
            assertThat(values.get("textEncoding")).isEqualTo(enc.equals("UTF-8") ? 1 : enc.equals("UTF-16le") ? 2 : 3);
        }
    }

    @Test
    void textShowsEveryFieldWithItsBytes() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli r = Cli.run("header", db.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("headerString", "53 51 4c 69", "pageSize", "10 00", "4096 bytes",
                "sqliteVersionNumber", "Problems   none");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    }

    @Test
    void damagedHeaderIsShownWithItsProblems() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        byte[] b = Files.readAllBytes(db);
        b[21] = 65; // max embedded payload fraction must be 64
        Files.write(db, b);
        Cli r = Cli.run("header", db.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("maxEmbeddedPayloadFraction", "Problems   1");
    }

    static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
