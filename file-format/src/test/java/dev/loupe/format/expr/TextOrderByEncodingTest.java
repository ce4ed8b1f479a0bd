package dev.loupe.format.expr;

import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.record.TextValue;
import dev.loupe.format.record.Value;
import dev.loupe.format.schema.Affinity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BINARY compares text as the bytes of the database's encoding, so non-ASCII text sorts differently in UTF-8,
 * UTF-16le and UTF-16be databases ('ā' is below 'b' in UTF-16le, above it in the others; a character beyond
 * U+FFFF is below U+E000 in UTF-16). Comparisons, min/max and nullif, through columns with BINARY, NOCASE and RTRIM
 * collations, are evaluated by Loupe and by SQLite in a database of each encoding, over every pair of a set of
 * texts chosen to straddle those boundaries.
 */
class TextOrderByEncodingTest {

    private static final String[] TEXTS = {"a", "b", "B", "ā", "é", "z", "中", "\uE000", "\uD83D\uDE00", "a ",
            "A", "\uFFFD", "ab", ""};
    private static final String[] COLLATIONS = {"BINARY", "NOCASE", "RTRIM"};
    private static final String[] EXPRESSIONS = {"$x < $y", "$x = $y", "$x > $y", "max($x, $y)", "min($x, $y)",
            "nullif($x, $y)", "$x BETWEEN $y AND 'zz'"};

    @ParameterizedTest
    @EnumSource(TextEncoding.class)
    void comparisonsFollowTheDatabaseEncoding(TextEncoding encoding) throws Exception {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement st = c.createStatement()) {
            st.execute("PRAGMA encoding = '" + encoding.pragmaName() + "'");
            for (String coll : COLLATIONS) {
                st.execute("CREATE TABLE t_" + coll + "(x_" + coll + " TEXT COLLATE " + coll + ", y_" + coll
                        + " TEXT COLLATE " + coll + ")");
                try (java.sql.PreparedStatement ins = c.prepareStatement("INSERT INTO t_" + coll
                        + " VALUES (?, ?)")) {
                    for (String a : TEXTS) {
                        for (String b : TEXTS) {
                            ins.setString(1, a);
                            ins.setString(2, b);
                            ins.addBatch();
                        }
                    }
                    ins.executeBatch();
                }
                for (String e : EXPRESSIONS) {
                    String sql = e.replace("$x", "x_" + coll).replace("$y", "y_" + coll);
                    ParsedExpression parsed = Expression.parse(sql);
                    try (ResultSet rs = st.executeQuery("SELECT x_" + coll + ", y_" + coll + ", quote(" + sql
                            + ") FROM t_" + coll + " ORDER BY rowid")) {
                        while (rs.next()) {
                            String a = rs.getString(1);
                            String b = rs.getString(2);
                            List<RowContext.ColumnBinding> row = List.of(
                                    new RowContext.ColumnBinding("x_" + coll, new TextValue(a), Affinity.TEXT, coll),
                                    new RowContext.ColumnBinding("y_" + coll, new TextValue(b), Affinity.TEXT, coll));
                            Evaluation got = Evaluator.evaluate(parsed, RowContext.of(row, 1L, encoding));
                            String have = got instanceof Evaluation.Evaluated ev ? quote(ev.value()) : "not evaluable";
                            compared++;
                            if (!have.equals(rs.getString(3))) {
                                mismatches.add(encoding + " " + sql + " with x=" + a + " y=" + b + ": SQLite "
                                        + rs.getString(3) + ", Loupe " + have);
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(COLLATIONS.length * TEXTS.length * TEXTS.length * EXPRESSIONS.length);
        assertThat(mismatches).isEmpty();
    }

    /** SQLite's quote() of a text, integer or NULL result. */
    private static String quote(Value v) {
        if (v instanceof TextValue t) {
            return "'" + t.value().replace("'", "''") + "'";
        }
        if (v instanceof dev.loupe.format.record.IntegerValue i) {
            return Long.toString(i.value());
        }
        return v instanceof dev.loupe.format.record.NullValue ? "NULL" : String.valueOf(v);
    }
}
