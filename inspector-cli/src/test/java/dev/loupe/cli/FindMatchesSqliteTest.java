package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe find} against SQLite: for sampled rows of every table, the descent ends on a leaf page that dbstat
 * lists for that table with the row's rowid and values as SELECT returns them; for WITHOUT ROWID tables and indexes,
 * a full key taken from SELECT finds an entry whose leading values are that key, on a page dbstat gives the object.
 * Overflow chains equal dbstat's overflow rows (path "/.../+NNNNNN") page by page and byte count.
 */
class FindMatchesSqliteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"DEMO", "PAGE_512", "OVERFLOW", "WITHOUT_ROWID", "INDEXES",
            "UTF16BE", "WAL", "TYPES"})
    void findsSampledRowsWhereSqliteHasThem(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Path copy = Samples.copyTo(sample, tmp.resolve("sqlite"));
        int checked = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            for (String[] t : query(c, "SELECT name, wr FROM pragma_table_list WHERE schema = 'main'"
                    + " AND type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                String name = t[0];
                List<Long> pages = pagesOf(c, name);
                if (t[1].equals("0")) {
                    for (String[] row : query(c, "SELECT rowid FROM \"" + name + "\" WHERE rowid % 7 = 1 LIMIT 12")) {
                        Cli r = Cli.run("find", "--format", "json", db.toString(), name, row[0]);
                        assertThat(r.exitCode()).as("%s %s %s: %s", sample, name, row[0], r.err()).isZero();
                        JsonNode j = JSON.readTree(r.out());
                        assertThat(j.get("cell").get("rowid").asText()).isEqualTo(row[0]);
                        assertThat(pages).contains(j.get("cell").get("page").asLong());
                        JsonNode path = j.get("path");
                        assertThat(path.get(path.size() - 1).get("kind").asText()).isEqualTo("table-leaf");
                        checked++;
                    }
                    Cli missing = Cli.run("find", db.toString(), name, "-987654321");
                    assertThat(missing.exitCode()).isEqualTo(ExitCode.FINDINGS);
                    assertThat(missing.err().lines().count()).isEqualTo(1);
                    assertThat(missing.err()).contains("not found in").contains("search ended on table-leaf page");
                }
            }
            // keys of WITHOUT ROWID tables and plain-column indexes, full keys taken from SELECT
            for (String[] ix : query(c, "SELECT il.name, tl.name, tl.wr FROM pragma_table_list tl,"
                    + " pragma_index_list(tl.name) il WHERE tl.schema = 'main' AND il.partial = 0")) {
                List<String> cols = new ArrayList<>();
                boolean plain = true;
                for (String[] x : query(c, "SELECT name, cid FROM pragma_index_xinfo('" + ix[0] + "') ORDER BY seqno")) {
                    if (x[1].equals("-2")) {
                        plain = false;
                    }
                    cols.add(x[1].equals("-1") ? "rowid" : "\"" + x[0] + "\"");
                }
                if (!plain) {
                    continue;
                }
                boolean pkOfWithoutRowid = ix[0].startsWith("sqlite_autoindex") && ix[2].equals("1")
                        && pagesOf(c, ix[0]).isEmpty();
                String target = pkOfWithoutRowid ? ix[1] : ix[0];
                List<Long> pages = pagesOf(c, target);
                int keyCols = pkOfWithoutRowid ? countPk(c, ix[1]) : cols.size();
                String sql = "SELECT " + String.join(", ", cols.subList(0, keyCols)) + " FROM \"" + ix[1] + "\" LIMIT 9";
                for (List<Object> key : rows(c, sql)) {
                    String literal = literal(key);
                    Cli r = Cli.run("find", "--format", "json", db.toString(), target, "--key", literal);
                    assertThat(r.exitCode()).as("%s %s %s: %s", sample, target, literal, r.err()).isZero();
                    JsonNode j = JSON.readTree(r.out());
                    assertThat(pages).contains(j.get("cell").get("page").asLong());
                    for (int i = 0; i < key.size(); i++) {
                        assertThat(same(j.get("values").get(i), key.get(i))).as("%s %s col %d", target, literal, i)
                                .isTrue();
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void overflowChainsEqualDbstat() throws Exception {
        Path db = Samples.copyTo(Sample.OVERFLOW, tmp.resolve("loupe"));
        Path copy = Samples.copyTo(Sample.OVERFLOW, tmp.resolve("sqlite"));
        int chains = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            Map<String, Long> pageByPath = new HashMap<>();
            for (String[] r : query(c, "SELECT name, path, pageno FROM dbstat WHERE pagetype != 'overflow'")) {
                pageByPath.put(r[0] + r[1], Long.parseLong(r[2]));
            }
            Map<String, List<long[]>> expected = new HashMap<>();
            for (String[] r : query(c, "SELECT name, path, pageno, payload FROM dbstat WHERE pagetype = 'overflow'"
                    + " ORDER BY name, path")) {
                String path = r[1];
                int plus = path.indexOf('+');
                String cellPath = path.substring(0, plus);
                int slash = cellPath.lastIndexOf('/', cellPath.length() - 1);
                String parent = cellPath.substring(0, slash + 1);
                int cell = Integer.parseInt(cellPath.substring(slash + 1), 16);
                String key = pageByPath.get(r[0] + parent) + " " + cell;
                expected.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[]{Long.parseLong(r[2]),
                        Long.parseLong(r[3])});
            }
            String[] first = expected.keySet().iterator().next().split(" ");
            Cli text = Cli.run("overflow", db.toString(), first[0], first[1]);
            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out()).contains("Cell " + first[1] + " on page " + first[0]).contains("The chain is sound.");
            for (Map.Entry<String, List<long[]>> e : expected.entrySet()) {
                String[] pc = e.getKey().split(" ");
                Cli r = Cli.run("overflow", "--format", "json", db.toString(), pc[0], pc[1]);
                assertThat(r.exitCode()).as(r.err()).isZero();
                JsonNode chain = JSON.readTree(r.out()).get("chain");
                assertThat(chain.size()).as(e.getKey()).isEqualTo(e.getValue().size());
                for (int i = 0; i < chain.size(); i++) {
                    assertThat(chain.get(i).get("page").asLong()).isEqualTo(e.getValue().get(i)[0]);
                    assertThat(chain.get(i).get("bytes").asLong()).isEqualTo(e.getValue().get(i)[1]);
                }
                chains++;
            }
        }
        assertThat(chains).isGreaterThan(10);
    }

    private static int countPk(Connection c, String table) throws Exception {
        return query(c, "SELECT 1 FROM pragma_table_info('" + table + "') WHERE pk > 0").size();
    }

    private static boolean same(JsonNode j, Object o) {
        if (o == null) {
            return j.isNull();
        }
        if (o instanceof Number n) {
            return j.isNumber() && j.asDouble() == n.doubleValue();
        }
        if (o instanceof byte[] b) {
            return j.isObject() && j.get("blob").asText().equals(HexFormat.of().formatHex(b));
        }
        return j.isTextual() && j.asText().equals(o);
    }

    private static String literal(List<Object> key) {
        List<String> parts = new ArrayList<>();
        for (Object o : key) {
            if (o == null) {
                parts.add("NULL");
            } else if (o instanceof Number n) {
                parts.add(o instanceof Double || o instanceof Float ? Double.toString(n.doubleValue()) : o.toString());
            } else if (o instanceof byte[] b) {
                parts.add("X'" + HexFormat.of().formatHex(b) + "'");
            } else {
                parts.add("'" + o.toString().replace("'", "''") + "'");
            }
        }
        return String.join(",", parts);
    }

    private static List<Long> pagesOf(Connection c, String name) throws Exception {
        List<Long> out = new ArrayList<>();
        for (String[] r : query(c, "SELECT pageno FROM dbstat WHERE name = '" + name + "' AND pagetype != 'overflow'")) {
            out.add(Long.parseLong(r[0]));
        }
        return out;
    }

    private static List<String[]> query(Connection c, String sql) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static List<List<Object>> rows(Connection c, String sql) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    row.add(rs.getObject(i + 1));
                }
                out.add(row);
            }
        }
        return out;
    }
}
