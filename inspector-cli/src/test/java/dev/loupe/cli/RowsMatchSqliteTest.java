package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe rows --format jsonl} prints, for every table of every sample, exactly what SQLite returns for
 * {@code SELECT rowid, * FROM t NOT INDEXED}, in the JSON contract of DESIGN.md.
 */
class RowsMatchSqliteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void jsonlEqualsSqlite(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        Path copy = Samples.copyTo(sample, tmp.resolve("sqlite"));
        int tables = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            for (String[] t : tables(c)) {
                String name = t[0];
                boolean withoutRowid = t[1].equals("1");
                List<JsonNode> expected = new ArrayList<>();
                String sql = (withoutRowid ? "SELECT *" : "SELECT rowid, *") + " FROM \"" + name.replace("\"", "\"\"")
                        + "\" NOT INDEXED";
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        ObjectNode o = JsonNodeFactory.instance.objectNode();
                        int first = 1;
                        if (!withoutRowid) {
                            o.put("rowid", rs.getLong(1));
                            first = 2;
                        }
                        ArrayNode values = o.putArray("values");
                        for (int i = first; i <= n; i++) {
                            values.add(json(rs.getObject(i)));
                        }
                        expected.add(o);
                    }
                }
                Cli r = Cli.run("rows", "--format", "jsonl", db.toString(), name);
                assertThat(r.exitCode()).as(r.err()).isZero();
                List<String> actual = new ArrayList<>();
                for (String line : r.out().lines().toList()) {
                    actual.add(canonical(JSON.readTree(line)));
                }
                assertThat(actual).as("%s.%s", sample, name)
                        .containsExactlyElementsOf(expected.stream().map(RowsMatchSqliteTest::canonical).toList());
                tables++;
            }
        }
        assertThat(tables).isPositive();
    }

    private static List<String[]> tables(Connection c) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table'")) {
            while (rs.next()) {
                out.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    /**
     * A JSON value as text in which numbers compare by value and type class (integer or real), whatever node
     * class Jackson picked: 9e999 in the output and an infinite double from JDBC are the same real.
     */
    private static String canonical(JsonNode n) {
        if (n.isIntegralNumber()) {
            return "i" + n.longValue();
        }
        if (n.isNumber()) {
            return "r" + n.doubleValue();
        }
        if (n.isTextual()) {
            return JsonNodeFactory.instance.textNode(n.textValue()).toString();
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(x -> items.add(canonical(x)));
            return "[" + String.join(",", items) + "]";
        }
        if (n.isObject()) {
            List<String> items = new ArrayList<>();
            n.fieldNames().forEachRemaining(k -> items.add(k + ":" + canonical(n.get(k))));
            items.sort(null);
            return "{" + String.join(",", items) + "}";
        }
        return n.toString();
    }

    private static JsonNode json(Object o) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (o == null) {
            return f.nullNode();
        }
        if (o instanceof Integer i) {
            return f.numberNode((long) i);
        }
        if (o instanceof Long l) {
            return f.numberNode(l);
        }
        if (o instanceof Double d) {
            return f.numberNode(d);
        }
        if (o instanceof String s) {
            return f.textNode(s);
        }
        if (o instanceof byte[] b) {
            ObjectNode n = f.objectNode();
            n.put("blob", HexFormat.of().formatHex(b));
            return n;
        }
        throw new AssertionError("unexpected JDBC value " + o.getClass());
    }
}
