package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe pages}, {@code space}, {@code freelist} and {@code schema} against SQLite on every sample: dbstat's
 * pages, names, types and per-object sums, PRAGMA freelist_count, and sqlite_schema's rows.
 */
class PagesSpaceMatchDbstatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void pagesAgreeWithDbstat(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Cli r = Cli.run("pages", "--format", "jsonl", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<Long, JsonNode> pages = new TreeMap<>();
        for (String line : r.out().lines().toList()) {
            JsonNode n = JSON.readTree(line);
            pages.put(n.get("page").asLong(), n);
        }
        try (Connection c = sqlite(sample); Statement st = c.createStatement()) {
            Map<String, String> types = new HashMap<>();
            types.put("sqlite_schema", "table");
            // a WITHOUT ROWID table is stored in an index b-tree (fileformat2 §1.6), so its pages are index-*
            try (ResultSet rs = st.executeQuery("SELECT s.name, CASE WHEN s.type = 'table' AND coalesce(t.wr, 0) = 0"
                    + " THEN 'table' ELSE 'index' END FROM sqlite_schema s LEFT JOIN pragma_table_list t"
                    + " ON t.name = s.name AND t.schema = 'main' WHERE s.rootpage > 0")) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat((long) pages.size()).isEqualTo(scalar(st, "PRAGMA page_count"));
            int listed = 0;
            try (ResultSet rs = st.executeQuery("SELECT pageno, name, pagetype FROM dbstat")) {
                while (rs.next()) {
                    String name = rs.getString(2).equals("sqlite_master") ? "sqlite_schema" : rs.getString(2);
                    String kind = switch (rs.getString(3)) {
                        case "internal" -> types.get(name) + "-interior";
                        case "leaf" -> types.get(name) + "-leaf";
                        default -> rs.getString(3);
                    };
                    JsonNode page = pages.get(rs.getLong(1));
                    assertThat(page.get("kind").asText() + " " + page.get("owner").asText()).as("page %d", rs.getLong(1))
                            .isEqualTo(kind + " " + name);
                    listed++;
                }
            }
            long free = pages.values().stream().filter(n -> n.get("kind").asText().startsWith("freelist-")).count();
            assertThat(free).isEqualTo(scalar(st, "PRAGMA freelist_count"));
            assertThat(listed + free + pages.values().stream().filter(n -> n.get("kind").asText().equals("ptrmap")
                    || n.get("kind").asText().equals("lock-byte")).count()).isEqualTo(pages.size());
            // every non-root tree page names its parent, and the parent is an interior page of the same owner
            for (JsonNode n : pages.values()) {
                if (n.get("kind").asText().endsWith("-leaf") && n.has("root") && !n.get("root").asBoolean()
                        || n.get("kind").asText().endsWith("-interior") && !n.get("root").asBoolean()) {
                    JsonNode parent = pages.get(n.get("parent").asLong());
                    assertThat(parent.get("kind").asText()).endsWith("-interior");
                    assertThat(parent.get("owner")).isEqualTo(n.get("owner"));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void spaceEqualsDbstatSums(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Cli r = Cli.run("space", "--format", "json", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, String> actual = new TreeMap<>();
        for (JsonNode o : JSON.readTree(r.out()).get("objects")) {
            actual.put(o.get("name").asText().toLowerCase(), o.get("interiorPages") + "/" + o.get("leafPages") + "/"
                    + o.get("overflowPages") + " cells " + o.get("cells") + " leaf " + o.get("leafCells") + " payload "
                    + o.get("payload") + " unused " + o.get("unused") + " mx " + o.get("maxPayload")
                    + " nonseq " + o.get("nonSequentialLeaves"));
        }
        Map<String, String> expected = new TreeMap<>();
        try (Connection c = sqlite(sample); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name, sum(pagetype='internal'), sum(pagetype='leaf'),"
                    + " sum(pagetype='overflow'), sum(ncell), sum((pagetype='leaf')*ncell), sum(payload),"
                    // dbstat reads an empty 65536-byte page's cell content offset 0 as 0, not 65536 (fileformat2
                    // §1.6), and reports 65536 too few unused bytes for it: correct that quirk before comparing
                    + " sum(unused + (unused < 0) * 65536),"
                    + " max(mx_payload) FROM dbstat GROUP BY name")) {
                while (rs.next()) {
                    String name = rs.getString(1).equals("sqlite_master") ? "sqlite_schema" : rs.getString(1);
                    expected.put(name.toLowerCase(), rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4)
                            + " cells " + rs.getLong(5) + " leaf " + rs.getLong(6) + " payload " + rs.getLong(7)
                            + " unused " + rs.getLong(8) + " mx " + rs.getLong(9) + " nonseq " + gaps(c, rs.getString(1)));
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void freelistIsWhatDbstatLeavesOut(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Cli r = Cli.run("freelist", "--format", "json", db.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        JsonNode fl = JSON.readTree(r.out());
        TreeSet<Long> free = new TreeSet<>();
        for (JsonNode t : fl.get("trunks")) {
            free.add(t.get("page").asLong());
            t.get("leaves").forEach(l -> free.add(l.asLong()));
        }
        try (Connection c = sqlite(sample); Statement st = c.createStatement()) {
            assertThat(fl.get("pages").asLong()).isEqualTo(scalar(st, "PRAGMA freelist_count"));
            long pageCount = scalar(st, "PRAGMA page_count");
            TreeSet<Long> complement = new TreeSet<>();
            for (long p = 1; p <= pageCount; p++) {
                complement.add(p);
            }
            try (ResultSet rs = st.executeQuery("SELECT pageno FROM dbstat")) {
                while (rs.next()) {
                    complement.remove(rs.getLong(1));
                }
            }
            if (scalar(st, "PRAGMA auto_vacuum") != 0) {
                complement.removeIf(p -> dev.loupe.format.ptrmap.PointerMap.isPtrmapPage(p,
                        (int) (sample.pageSize() - sample.reservedBytes())));
            }
            assertThat(free).isEqualTo(complement);
        }
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void schemaRowsEqualSqliteSchema(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Cli r = Cli.run("schema", "--format", "json", db.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        List<String> actual = new ArrayList<>();
        for (JsonNode n : JSON.readTree(r.out()).get("rows")) {
            actual.add(n.get("rowid").asLong() + "|" + n.get("type").asText() + "|" + n.get("name").asText() + "|"
                    + n.get("tblName").asText() + "|" + n.get("rootPage").asLong() + "|"
                    + (n.get("sql").isNull() ? "NULL" : n.get("sql").asText()));
        }
        List<String> expected = new ArrayList<>();
        try (Connection c = sqlite(sample); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rowid, type, name, tbl_name, rootpage, sql FROM sqlite_schema"
                     + " ORDER BY rowid")) {
            while (rs.next()) {
                expected.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getLong(5) + "|" + (rs.getString(6) == null ? "NULL" : rs.getString(6)));
            }
        }
        assertThat(actual).isEqualTo(expected).isNotEmpty();
    }

    /** sqlite3_analyzer's gap count (tool/spaceanal.tcl), from dbstat. */
    private static long gaps(Connection c, String name) throws Exception {
        long gaps = 0;
        long prev = 0;
        try (var ps = c.prepareStatement("SELECT pageno, pagetype FROM dbstat WHERE name = ? ORDER BY pageno")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (prev > 0 && rs.getString(2).equals("leaf") && rs.getLong(1) != prev + 1) {
                        gaps++;
                    }
                    prev = rs.getLong(1);
                }
            }
        }
        return gaps;
    }

    private Connection sqlite(Sample sample) throws Exception {
        Path copy = Samples.copyTo(sample, tmp.resolve("sqlite"));
        return DriverManager.getConnection("jdbc:sqlite:" + copy);
    }

    private static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
