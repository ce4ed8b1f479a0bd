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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe tree --format json} against SQLite's dbstat virtual table: for every table and index of every
 * sample, the same b-tree pages, the same kind (internal/leaf), cell count and unused bytes per page, and the same
 * parent/child structure as dbstat's {@code path} column ("/", "/000/", "/000/001/": child indexes in hex).
 */
class TreeMatchesDbstatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** One b-tree page as dbstat or the tree JSON sees it. */
    record PageFacts(long page, String type, int cells, int unused, List<Long> children) {
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void everyTreeEqualsDbstat(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Path copy = Samples.copyTo(sample, tmp.resolve("sqlite"));
        int trees = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            for (String name : names(c)) {
                Map<Long, PageFacts> expected = dbstat(c, name);
                Cli r = Cli.run("tree", "--format", "json", db.toString(), name);
                assertThat(r.exitCode()).as("%s %s: %s", sample, name, r.err()).isZero();
                JsonNode tree = JSON.readTree(r.out()).get("tree");
                Map<Long, PageFacts> actual = new TreeMap<>();
                collect(tree, actual);
                assertThat(actual).as("%s %s", sample, name).isEqualTo(expected);
                trees++;
            }
        }
        assertThat(trees).isPositive();
    }

    @Test
    void depthLimitCountsTheHiddenPages() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        Cli full = Cli.run("tree", "--format", "json", db.toString(), "books");
        Cli cut = Cli.run("tree", "--format", "json", "--depth", "1", db.toString(), "books");
        JsonNode f = JSON.readTree(full.out());
        JsonNode c = JSON.readTree(cut.out());
        assertThat(c.get("shownPages").asLong()).isEqualTo(1);
        assertThat(c.get("tree").get("hiddenPages").asLong()).isEqualTo(f.get("shownPages").asLong() - 1);
        assertThat(c.get("tree").get("children")).isEmpty();
        Cli text = Cli.run("tree", "--depth", "1", db.toString(), "books");
        assertThat(text.out()).contains("... " + (f.get("shownPages").asLong() - 1) + " more pages");
    }

    private static void collect(JsonNode n, Map<Long, PageFacts> out) {
        List<Long> children = new ArrayList<>();
        if (n.has("children")) {
            for (JsonNode ch : n.get("children")) {
                assertThat(ch.get("link").asText()).isEqualTo("ok");
                children.add(ch.get("page").asLong());
                collect(ch, out);
            }
        }
        String kind = n.get("kind").asText();
        out.put(n.get("page").asLong(), new PageFacts(n.get("page").asLong(),
                kind.endsWith("leaf") ? "leaf" : "internal", n.get("cells").asInt(), n.get("unused").asInt(),
                children));
    }

    private static List<String> names(Connection c) throws Exception {
        List<String> out = new ArrayList<>(List.of("sqlite_schema"));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') AND rootpage > 0")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Map<Long, PageFacts> dbstat(Connection c, String name) throws Exception {
        Map<String, Long> pageByPath = new TreeMap<>();
        Map<Long, String[]> rows = new TreeMap<>();
        // dbstat reads an empty 65536-byte page's cell content offset 0 as 0, not 65536 (fileformat2 §1.6), and
        // reports 65536 too few unused bytes for it: that quirk is corrected before comparing
        try (PreparedStatement ps = c.prepareStatement("SELECT path, pageno, pagetype, ncell,"
                + " unused + (unused < 0) * 65536 FROM dbstat"
                + " WHERE name = ? AND pagetype IN ('internal', 'leaf') ORDER BY path")) {
            ps.setString(1, name.equals("sqlite_schema") ? "sqlite_schema" : name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pageByPath.put(rs.getString(1), rs.getLong(2));
                    rows.put(rs.getLong(2), new String[]{rs.getString(1), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
            }
        }
        Map<Long, PageFacts> out = new TreeMap<>();
        for (Map.Entry<Long, String[]> e : rows.entrySet()) {
            String path = e.getValue()[0];
            // children: the paths one level below, in path order (= child index order)
            List<Long> children = new ArrayList<>();
            pageByPath.forEach((p, pg) -> {
                if (p.startsWith(path) && p.length() > path.length()
                        && p.substring(path.length()).matches("[0-9a-f]+/")) {
                    children.add(pg);
                }
            });
            out.put(e.getKey(), new PageFacts(e.getKey(), e.getValue()[1], Integer.parseInt(e.getValue()[2]),
                    Integer.parseInt(e.getValue()[3]), children));
        }
        assertThat(Files.exists(Path.of("."))).isTrue();
        return out;
    }
}
