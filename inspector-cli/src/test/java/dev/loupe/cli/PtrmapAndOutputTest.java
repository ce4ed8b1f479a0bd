package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.format.BigEndian;
import dev.loupe.format.ptrmap.PointerMap;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe ptrmap} against the entries SQLite's dbstat implies on the auto-vacuum samples; text and JSON
 * output of pages, space, schema, freelist and ptrmap; damage; bad input.
 */
class PtrmapAndOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"AUTOVACUUM_FULL", "AUTOVACUUM_INCREMENTAL"})
    void ptrmapEntriesAreWhatDbstatImplies(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Cli r = Cli.run("ptrmap", "--format", "json", db.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        Map<Long, String> found = new TreeMap<>();
        for (JsonNode p : JSON.readTree(r.out()).get("pages")) {
            for (JsonNode e : p.get("entries")) {
                assertThat(e.get("matches").asBoolean()).as(e.toString()).isTrue();
                found.put(e.get("page").asLong(), e.get("type").asInt() + "," + e.get("parent").asLong());
            }
        }
        Path copy = Samples.copyTo(sample, tmp.resolve("sqlite"));
        Map<Long, String> expected = new TreeMap<>();
        long pageCount;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            Map<String, Long> pageOfPath = new HashMap<>();
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name, path, pageno, pagetype FROM dbstat")) {
                while (rs.next()) {
                    String[] row = {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
                    rows.add(row);
                    pageOfPath.put(row[0] + "\u0000" + row[1], Long.parseLong(row[2]));
                }
            }
            for (String[] row : rows) {
                long page = Long.parseLong(row[2]);
                String path = row[1];
                if (page == 1) {
                    continue;
                }
                if (path.equals("/")) {
                    expected.put(page, "1,0");
                } else if (row[3].equals("overflow")) {
                    int plus = path.lastIndexOf('+');
                    int n = Integer.parseInt(path.substring(plus + 1), 16);
                    String parent = n == 0 ? path.substring(0, path.lastIndexOf('/') + 1)
                            : path.substring(0, plus + 1) + String.format("%06x", n - 1);
                    expected.put(page, (n == 0 ? 3 : 4) + "," + pageOfPath.get(row[0] + "\u0000" + parent));
                } else {
                    String trimmed = path.substring(0, path.length() - 1);
                    expected.put(page, "5," + pageOfPath.get(row[0] + "\u0000"
                            + trimmed.substring(0, trimmed.lastIndexOf('/') + 1)));
                }
            }
            pageCount = scalar(st, "PRAGMA page_count");
        }
        int usable = sample.pageSize() - sample.reservedBytes();
        for (long p = 2; p <= pageCount; p++) {
            if (!expected.containsKey(p) && !PointerMap.isPtrmapPage(p, usable)) {
                expected.put(p, "2,0");
            }
        }
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void ptrmapReportsAnEntryThatDisagreesWithThePageMap() throws Exception {
        Path db = Samples.copyTo(Sample.AUTOVACUUM_FULL, tmp);
        byte[] bytes = Files.readAllBytes(db);
        int pageSize = 512;
        // page 3's entry sits first on pointer-map page 2: make it claim a b-tree parent it does not have
        int at = pageSize + PointerMap.entryOffset(3, pageSize);
        bytes[at] = 5;
        BigEndian.putU32(bytes, at + 1, 4);
        Files.write(db, bytes);
        Cli r = Cli.run("ptrmap", db.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).contains("MISMATCH").contains("ptrmap-entry").contains("pointer-map entry for page 3 is (5, 4)");
    }

    @Test
    void pagesTextShowsRolesAndJsonCarriesTheFields() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli text = Cli.run("pages", db.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out().lines().findFirst().orElseThrow()).contains("page").contains("kind").contains("owner")
                .contains("parent").contains("role");
        assertThat(text.out()).contains("root, 14 rows").containsPattern("child \\d+ of page 4, \\d+ rows")
                .containsPattern("overflow 2 of cell \\d+ on page \\d+").containsPattern("leaf \\d+ of trunk 15")
                .contains("trunk 1 of the freelist");
        assertThat(text.out().lines()).allMatch(l -> l.length() <= 100);
        Cli json = Cli.run("pages", "--format", "json", db.toString());
        JsonNode doc = JSON.readTree(json.out());
        assertThat(doc.get("pages")).hasSize(120);
        JsonNode p1 = doc.get("pages").get(0);
        assertThat(p1.get("page").asInt()).isEqualTo(1);
        assertThat(p1.get("kind").asText()).isEqualTo("table-leaf");
        assertThat(p1.get("owner").asText()).isEqualTo("sqlite_schema");
        assertThat(p1.get("parent").isNull()).isTrue();
        assertThat(p1.get("root").asBoolean()).isTrue();
        assertThat(doc.get("problems")).isEmpty();
    }

    @Test
    void damagedTreeShowsItsProblemsOnThePage() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        byte[] bytes = Files.readAllBytes(db);
        // books' root (page 4) is interior: point its right child back at itself (a loop)
        int hdr = 3 * 4096;
        BigEndian.putU32(bytes, hdr + 8, 4);
        Files.write(db, bytes);
        Cli r = Cli.run("pages", "--format", "jsonl", db.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.err()).contains("problem");
        JsonNode page4 = JSON.readTree(r.out().lines().toList().get(3));
        assertThat(page4.get("problems").toString()).contains("tree-loop");
        Cli space = Cli.run("space", db.toString());
        assertThat(space.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(space.out()).contains("Problems");
    }

    @Test
    void spaceSchemaFreelistTextAndJson() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli space = Cli.run("space", db.toString());
        assertThat(space.exitCode()).isZero();
        assertThat(space.out()).contains("Tables").contains("Indexes").contains("books").contains("nonseq")
                .contains("Pages by kind");
        assertThat(space.out().lines()).allMatch(l -> l.length() <= 100);
        JsonNode sj = JSON.readTree(Cli.run("space", "--format", "json", db.toString()).out());
        assertThat(sj.get("objects").get(0).get("name").asText()).isEqualTo("sqlite_schema");
        assertThat(sj.get("totals").get("freelistPages").asInt()).isEqualTo(13);

        Cli schema = Cli.run("schema", db.toString());
        assertThat(schema.exitCode()).isZero();
        assertThat(schema.out()).contains("sqlite_schema: 14 rows").contains("table tags").contains("WITHOUT ROWID")
                .contains("Problems   none");
        JsonNode tj = JSON.readTree(Cli.run("schema", "--format", "json", Samples.copyTo(Sample.INDEXES,
                tmp.resolve("i")).toString()).out());
        JsonNode desc = null;
        for (JsonNode i : tj.get("indexes")) {
            if (i.get("name").asText().equals("people_last_desc")) {
                desc = i;
            }
        }
        assertThat(desc.get("columns").get(0).get("descending").asBoolean()).isTrue();

        Cli fl = Cli.run("freelist", db.toString());
        assertThat(fl.exitCode()).isZero();
        assertThat(fl.out()).contains("header count 13").contains("1 trunk, 12 leaf");
        assertThat(Cli.run("ptrmap", db.toString()).out()).contains("no pointer map");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pages", "space", "schema", "freelist", "ptrmap"})
    void badInput(String command) throws Exception {
        Cli missing = Cli.run(command, tmp.resolve("nope.db").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(missing.err()).contains("no such file").doesNotContain("Exception");
        Cli dir = Cli.run(command, tmp.toString());
        assertThat(dir.exitCode()).isEqualTo(ExitCode.UNREADABLE);
        assertThat(dir.err()).contains("is a directory");
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli format = Cli.run(command, "--format", "xml", db.toString());
        assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(format.err()).contains("--format must be");
        Cli help = Cli.run(command, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:").contains("Exit codes").contains("--wal");
    }

    private static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
