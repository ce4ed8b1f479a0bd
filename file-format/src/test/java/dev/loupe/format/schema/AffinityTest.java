package dev.loupe.format.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Affinity rules against SQLite: the type names of datatype3 §3.1, and values stored under each affinity. */
class AffinityTest {

    @TempDir
    Path dir;

    /** The example type names of datatype3 §3.1.1 and a few that test the order of the rules. */
    private static final List<String> TYPES = List.of("INT", "INTEGER", "TINYINT", "SMALLINT", "MEDIUMINT",
            "BIGINT", "UNSIGNED BIG INT", "INT2", "INT8", "CHARACTER(20)", "VARCHAR(255)", "VARYING CHARACTER(255)",
            "NCHAR(55)", "NATIVE CHARACTER(70)", "NVARCHAR(100)", "TEXT", "CLOB", "BLOB", "REAL", "DOUBLE",
            "DOUBLE PRECISION", "FLOAT", "NUMERIC", "DECIMAL(10,5)", "BOOLEAN", "DATE", "DATETIME",
            "FLOATING POINT", "STRING", "POINT", "CHARINT", "BLOBCHAR", "DOUBLEBLOB", "BLOBDOUBLE", "TEXTBLOB", "ANY",
            "\"int\"", "[text]", "`real`", "'blob'", "xINTy", "Interval", "TINYTEXT", "REALLY");

    @Test
    void declaredTypesGetSqlitesAffinity() throws Exception {
        try (SqliteOracle db = SqliteOracle.create(dir, "aff.db")) {
            StringBuilder ddl = new StringBuilder("CREATE TABLE t(");
            for (int i = 0; i < TYPES.size(); i++) {
                ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(TYPES.get(i));
            }
            db.exec(ddl.append(", untyped)").toString(), "CREATE TABLE copy AS SELECT * FROM t");
            List<String> expected = new ArrayList<>();
            for (Map<String, Object> r : db.query("SELECT type FROM pragma_table_xinfo('copy')")) {
                expected.add(switch ((String) r.get("type")) {
                    case "" -> "BLOB";
                    case "NUM" -> "NUMERIC";
                    case "INT" -> "INTEGER";
                    default -> (String) r.get("type");
                });
            }
            Table t = Schema.from(db.schemaRows()).table("t").orElseThrow();
            assertThat(t.columns().stream().map(c -> c.affinity().name()).toList()).containsExactlyElementsOf(expected);
            List<String> viaOf = new ArrayList<>();
            for (Column c : t.columns()) {
                viaOf.add(Affinity.of(c.declaredType()).name());
            }
            assertThat(viaOf).containsExactlyElementsOf(expected);
        }
    }

    /** SQL literal and the Java value it denotes. */
    private record Sample(String sql, Object value) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("'12'", "12"), new Sample("' 12 '", " 12 "), new Sample("'1e3'", "1e3"),
            new Sample("'0x10'", "0x10"), new Sample("'abc'", "abc"), new Sample("'12abc'", "12abc"),
            new Sample("'-0'", "-0"), new Sample("'1.'", "1."), new Sample("'.5'", ".5"), new Sample("'+5'", "+5"),
            new Sample("'9223372036854775807'", "9223372036854775807"),
            new Sample("'9223372036854775808'", "9223372036854775808"),
            new Sample("'-9223372036854775808'", "-9223372036854775808"),
            new Sample("'9007199254740993'", "9007199254740993"), new Sample("'1e400'", "1e400"),
            new Sample("'4.0'", "4.0"), new Sample("'1 2'", "1 2"), new Sample("''", ""), new Sample("' '", " "),
            new Sample("'1e'", "1e"), new Sample("'e5'", "e5"),
            new Sample("1.5", 1.5), new Sample("3.0", 3.0), new Sample("1e20", 1e20), new Sample("0.1", 0.1),
            new Sample("123.456", 123.456), new Sample("-2.5e-5", -2.5e-5), new Sample("1e15", 1e15),
            new Sample("1e16", 1e16), new Sample("1e17", 1e17), new Sample("100.0", 100.0),
            new Sample("0.0001", 0.0001), new Sample("4503599627370496.0", 4503599627370496.0),
            new Sample("9223372036854775807.0", 9223372036854775807.0), new Sample("-0.0", -0.0),
            new Sample("12345678901234567.0", 12345678901234567.0), new Sample("4.35", 4.35),
            new Sample("7", 7L), new Sample("-7", -7L), new Sample("9223372036854775807", Long.MAX_VALUE),
            new Sample("x'00ff'", new byte[] {0, -1}), new Sample("NULL", null));

    @Test
    void storedValuesMatchSqlite() throws Exception {
        try (SqliteOracle db = SqliteOracle.create(dir, "apply.db")) {
            db.exec("CREATE TABLE t(k INTEGER PRIMARY KEY, tx TEXT, nu NUMERIC, it INTEGER, re REAL, bl BLOB)");
            for (int i = 0; i < SAMPLES.size(); i++) {
                String v = SAMPLES.get(i).sql();
                db.exec("INSERT INTO t VALUES(" + i + ", " + v + ", " + v + ", " + v + ", " + v + ", " + v + ")");
            }
            List<Map<String, Object>> rows = db.query("SELECT typeof(tx) AS a, tx, typeof(nu) AS b, nu, typeof(it)"
                    + " AS c, it, typeof(re) AS d, re, typeof(bl) AS e, bl FROM t ORDER BY k");
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            Affinity[] order = {Affinity.TEXT, Affinity.NUMERIC, Affinity.INTEGER, Affinity.REAL, Affinity.BLOB};
            for (int i = 0; i < SAMPLES.size(); i++) {
                List<Object> r = new ArrayList<>(rows.get(i).values());
                for (int a = 0; a < order.length; a++) {
                    String where = SAMPLES.get(i).sql() + " as " + order[a] + ": ";
                    expected.add(where + r.get(2 * a) + " " + show(r.get(2 * a + 1)));
                    Object ours = order[a].apply(SAMPLES.get(i).value());
                    actual.add(where + typeOf(ours) + " " + show(ours));
                }
            }
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    static String typeOf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Long) {
            return "integer";
        }
        if (v instanceof Double) {
            return "real";
        }
        return v instanceof String ? "text" : "blob";
    }

    static String show(Object v) {
        if (v instanceof Integer n) {
            return String.valueOf(n.longValue());
        }
        return v instanceof byte[] b ? "x'" + HexFormat.of().formatHex(b) + "'" : String.valueOf(v);
    }
}
