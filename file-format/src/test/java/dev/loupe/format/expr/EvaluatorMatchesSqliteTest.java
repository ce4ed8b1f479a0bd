package dev.loupe.format.expr;

import dev.loupe.format.oracle.Values;
import dev.loupe.format.record.BlobValue;
import dev.loupe.format.record.IntegerValue;
import dev.loupe.format.record.NullValue;
import dev.loupe.format.record.RealValue;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluator against SQLite (sqlite-jdbc, in-memory database): every corpus expression on every row of a table
 * with typed columns, NULLs, integers at the 64-bit limits, reals, numeric-looking text and blobs. Where Loupe
 * claims a value it must equal SQLite's in value and storage class; where SQLite raises an error Loupe must say
 * "not evaluable". The expressions Loupe does not evaluate are counted and kept few.
 */
class EvaluatorMatchesSqliteTest {

    /** Columns with their declared types: INTEGER, REAL, TEXT, BLOB, NUMERIC affinity, NOCASE text, no type. */
    private static final String[][] COLUMNS = {
        {"i", "INTEGER", null}, {"r", "REAL", null}, {"t", "TEXT", null}, {"b", "BLOB", null},
        {"n", "NUMERIC", null}, {"c", "TEXT", "NOCASE"}, {"x", "", null}};
    private static final String[] ROWS = {
        "1, 1.5, 'abc', x'3132', 10, 'Abc', 5",
        "NULL, NULL, NULL, NULL, NULL, NULL, NULL",
        "9223372036854775807, -0.5, '12abc', x'', '3.0', 'abc ', '7'",
        "-9223372036854775808, 1e300, ' 7 ', x'c3a9', '1e3', 'ABC', 2.5",
        "0, 0.0, '', x'3a30', 'xyz', '', x'41'",
        "-7, 2.0, '-3.5e2x', x'3132', -2, 'hello', 'Hello'",
        "4611686018427387904, 123456789.125, 'Hello World', x'7a', 9007199254740993, 'b', NULL",
        "3, 3, '3', x'33', '3', '3', '3'"};

    private static Connection sqlite;
    private static List<RowContext> rows;

    @BeforeAll
    static void open() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        StringBuilder ddl = new StringBuilder("CREATE TABLE t(");
        for (int k = 0; k < COLUMNS.length; k++) {
            ddl.append(k == 0 ? "" : ", ").append(COLUMNS[k][0]).append(' ').append(COLUMNS[k][1]);
            if (COLUMNS[k][2] != null) {
                ddl.append(" COLLATE ").append(COLUMNS[k][2]);
            }
        }
        try (Statement st = sqlite.createStatement()) {
            st.execute(ddl.append(')').toString());
            for (String r : ROWS) {
                st.execute("INSERT INTO t VALUES (" + r + ")");
            }
        }
        rows = new ArrayList<>();
        try (Statement st = sqlite.createStatement(); ResultSet rs = st.executeQuery("SELECT rowid, * FROM t ORDER BY rowid")) {
            while (rs.next()) {
                List<RowContext.ColumnBinding> cols = new ArrayList<>();
                for (int k = 0; k < COLUMNS.length; k++) {
                    cols.add(new RowContext.ColumnBinding(COLUMNS[k][0], value(rs.getObject(k + 2)),
                            Affinity.of(COLUMNS[k][1]), COLUMNS[k][2]));
                }
                rows.add(RowContext.of(cols, rs.getLong(1)));
            }
        }
    }

    @AfterAll
    static void close() throws SQLException {
        sqlite.close();
    }

    @Test
    void handWrittenExpressionsMatchSqlite() throws SQLException {
        Outcome o = run(ExpressionCorpus.handWritten());
        assertThat(o.mismatches).as("mismatches").isEmpty();
        assertThat(o.notEvaluable.size()).as("not evaluable: %s", o.notEvaluable).isLessThanOrEqualTo(8);
    }

    @Test
    void randomExpressionsMatchSqlite() throws SQLException {
        List<String> corpus = ExpressionCorpus.random(20240611L, 1500);
        Outcome o = run(corpus);
        assertThat(o.mismatches).as("mismatches").isEmpty();
        // Measured: 2 of 1500 (a blob of invalid UTF-8 used as text); a parser or function gap shows up here.
        assertThat(o.notEvaluable.size()).as("not evaluable: %s", o.notEvaluable).isLessThanOrEqualTo(15);
        assertThat(o.evaluated).as("evaluated (expression, row) pairs").isGreaterThan(corpus.size() * rows.size() * 9 / 10);
    }

    private record Outcome(List<String> mismatches, Map<String, String> notEvaluable, int evaluated) {
    }

    private Outcome run(List<String> corpus) throws SQLException {
        List<String> mismatches = new ArrayList<>();
        Map<String, String> notEvaluable = new TreeMap<>();
        int evaluated = 0;
        for (String e : corpus) {
            ParsedExpression parsed = Expression.parse(e);
            Map<Long, String> expected = sqliteResults(e);
            for (int k = 0; k < rows.size(); k++) {
                RowContext row = rows.get(k);
                String want = expected.get(row.rowid());
                Evaluation got = Evaluator.evaluate(parsed, row);
                if (got instanceof Evaluation.NotEvaluable n) {
                    if (!want.startsWith("error")) {
                        notEvaluable.put(e, n.reason());
                    }
                    continue;
                }
                evaluated++;
                String have = Values.of(((Evaluation.Evaluated) got).value());
                if (!have.equals(want)) {
                    mismatches.add(e + " [row " + row.rowid() + "]: sqlite " + want + ", loupe " + have);
                }
            }
        }
        return new Outcome(mismatches, notEvaluable, evaluated);
    }

    /** Per row (a statement per row, so that a runtime error affects only its row): "type:value" or "error: ...". */
    private static Map<Long, String> sqliteResults(String e) throws SQLException {
        Map<Long, String> out = new LinkedHashMap<>();
        for (RowContext row : rows) {
            try (PreparedStatement ps = sqlite.prepareStatement("SELECT typeof(" + e + "), " + e + " FROM t WHERE rowid = ?")) {
                ps.setLong(1, row.rowid());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String type = rs.getString(1);
                    Object v = rs.getObject(2);
                    if (v instanceof Integer i) {
                        v = (long) i;
                    }
                    if (type.equals("real") && v instanceof Long l) {
                        v = (double) l;
                    }
                    String s = Values.ofJdbc(v);
                    out.put(row.rowid(), s.startsWith(type) ? s : "typeof " + type + " but " + s);
                }
            } catch (SQLException ex) {
                out.put(row.rowid(), "error: " + ex.getMessage());
            }
        }
        return out;
    }

    private static Value value(Object o) {
        if (o == null) {
            return NullValue.INSTANCE;
        }
        if (o instanceof Integer i) {
            return IntegerValue.of(i);
        }
        if (o instanceof Long l) {
            return IntegerValue.of(l);
        }
        if (o instanceof Double d) {
            return new RealValue(d);
        }
        if (o instanceof String s) {
            return new TextValue(s);
        }
        return new BlobValue((byte[]) o);
    }
}
