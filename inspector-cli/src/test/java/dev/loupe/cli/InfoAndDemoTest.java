package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruptions;
import dev.loupe.samples.corrupt.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code loupe info --format json} agrees with SQLite's pragmas and counts; {@code loupe demo} runs clean. */
class InfoAndDemoTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void infoJsonAgreesWithSqlite(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Cli r = Cli.run("info", "--format", "json", db.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        JsonNode info = new ObjectMapper().readTree(r.out());
        Path copy = Samples.copyTo(sample, tmp.resolve("sqlite"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            assertThat(info.get("pageCount").asLong()).isEqualTo(scalar(st, "PRAGMA page_count"));
            assertThat(info.get("pageSize").asLong()).isEqualTo(scalar(st, "PRAGMA page_size"));
            assertThat(info.get("freelist").get("pages").asLong()).isEqualTo(scalar(st, "PRAGMA freelist_count"));
            for (JsonNode o : info.get("objects")) {
                String type = o.get("type").asText();
                String name = o.get("name").asText();
                if (type.equals("table") && !name.equals("sqlite_schema")) {
                    assertThat(o.get("entries").asLong()).as(name)
                            .isEqualTo(scalar(st, "SELECT count(*) FROM \"" + name + "\""));
                }
                if (type.equals("table") || type.equals("index")) {
                    assertThat(o.get("pages").asLong()).as(name).isEqualTo(scalar(st,
                            "SELECT count(*) FROM dbstat WHERE name = '" + (name.equals("sqlite_schema")
                                    ? "sqlite_schema" : name) + "'"));
                }
            }
            assertThat(info.get("wal").isNull()).isEqualTo(!sample.hasWal());
        }
    }

    @Test
    void demoRunsAndShowsEachPart() {
        Cli r = Cli.run("demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("== 1.").contains("== 2.").contains("== 3.").contains("== 4.")
                .contains("tree-loop").contains("29 valid commits").doesNotContain("internal error");
    }

    @Test
    void demoChecksADamagedCopyAndSaysWhatSqliteWouldPrint() {
        Cli r = Cli.run("demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String check = r.out().substring(r.out().indexOf("== 5."));
        // the two catalogue cases, the report of loupe check, and SQLite 3.40's line taken from Finding.sqlite
        assertThat(check).contains("not-null-holds-null:").contains("text-invalid-utf8:")
                .contains("$ loupe check demo.db").contains("demo.db: CORRUPT, 1 error, 1 warning")
                .contains("not-null-violated").contains("text-encoding-invalid")
                .contains("SQLite 3.40: \"NULL value in loan_events.loan_id\"")
                .contains("docs/findings.md#text-encoding-invalid")
                .doesNotContain("loupe-demo");
    }

    /** Section 6: the damaged copy reduced to a reproducer with the same finding, its hexdb text and issue draft. */
    @Test
    void demoReducesTheDamagedCopyAndDraftsTheIssue() {
        Cli r = Cli.run("demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String repro = r.out().substring(r.out().indexOf("== 6."));
        assertThat(repro).contains("$ loupe repro file demo.db --finding not-null-violated -o repro")
                .containsPattern("Reduced    120 pages \\(491,520 bytes\\) -> [1-9] pages? ")
                .contains("reproducer: flagged (NULL value in loan_events.loan_id)")
                .contains("| size ").contains("| page 1 offset 0")
                .contains("Title:            Corruption: not-null-violated")
                .contains("gh issue create --title 'Corruption: not-null-violated")
                .doesNotContain("loupe-demo").doesNotContain("no issue draft");
    }

    /** The lines the demo quotes from Finding.sqlite are exactly what the sqlite3 3.40.1 CLI prints for that file. */
    @Test
    void demoQuotesWhatSqlite340PrintsForTheSameFile() throws Exception {
        Image image = Corruptions.named("not-null-holds-null").image();
        Corruptions.named("text-invalid-utf8").mutation().apply(image);
        Path db = tmp.resolve("demo.db");
        Files.write(db, image.db());
        Process p = new ProcessBuilder("/usr/bin/sqlite3", "-readonly", db.toString(), "PRAGMA integrity_check")
                .redirectErrorStream(true).start();
        String sqlite = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String demo = Cli.run("demo").out();
        List<String> quoted = demo.substring(demo.indexOf("== 5.")).lines()
                .filter(l -> l.startsWith("    SQLite 3.40: \"")).map(l -> l.substring(l.indexOf('"') + 1,
                        l.lastIndexOf('"'))).toList();
        assertThat(quoted).isEqualTo(sqlite.lines().toList()).isNotEmpty();
    }

    @Test
    void completionScriptCoversEveryCommand() {
        Cli r = Cli.run("completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete -F").contains("rows").contains("page").contains("tree");
    }

    private static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
