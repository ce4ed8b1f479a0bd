package dev.loupe.format.schema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DEFAULT clauses of the corpus against what SQLite stores for INSERT ... DEFAULT VALUES: the literal value we read,
 * with the column's affinity applied ({@link Affinity#apply}), must have SQLite's type and value.
 */
class DefaultValueTest {

    @TempDir
    static Path dir;

    private static SqliteOracle db;
    private static Schema schema;
    private static final List<String> inserted = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        db = SqliteOracle.create(dir, "defaults.db");
        db.exec(DdlCorpus.STATEMENTS.stream().filter(s -> s.startsWith("CREATE TABLE")).toArray(String[]::new));
        schema = Schema.from(db.schemaRows());
        for (Table t : schema.tables()) {
            if (t.virtual() || t.name().startsWith("sqlite_")
                    || t.columns().stream().noneMatch(c -> c.defaultValue() != null)) {
                continue;
            }
            try {
                db.exec("INSERT INTO " + SqliteOracle.quoteId(t.name()) + " DEFAULT VALUES");
                inserted.add(t.name());
            } catch (SQLException e) {
                // NOT NULL columns without a default, STRICT keys: SQLite refuses; nothing to compare
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void theDefaultHeavyTablesTakeDefaultValues() {
        assertThat(inserted).contains("t13", "t30", "t31", "t58", "t65", "t78", "t84");
    }

    @TestFactory
    Stream<DynamicTest> defaultsMatchWhatSqliteStores() {
        return inserted.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Table t = schema.table(name).orElseThrow();
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (Column c : t.columns()) {
                DefaultValue d = c.defaultValue();
                if (d == null || !d.constant()) {
                    continue;
                }
                String q = SqliteOracle.quoteId(c.name());
                Map<String, Object> r = db.query("SELECT typeof(" + q + ") AS ty, " + q + " AS v FROM "
                        + SqliteOracle.quoteId(name)).get(0);
                expected.add(c.name() + ": " + r.get("ty") + " " + show(r.get("v")));
                Object ours = c.affinity().apply(d.value());
                actual.add(c.name() + ": " + typeOf(ours) + " " + show(ours));
            }
            assertThat(actual).containsExactlyElementsOf(expected);
        }));
    }

    @Test
    void expressionsAndTimesAreNotEvaluated() {
        Table t30 = schema.table("t30").orElseThrow();
        assertThat(t30.column("s").orElseThrow().defaultValue()).isEqualTo(new DefaultValue("current_date", null, false));
        assertThat(t30.column("t").orElseThrow().defaultValue()).isEqualTo(new DefaultValue("1+2", null, false));
        assertThat(schema.table("t46").orElseThrow().column("c").orElseThrow().defaultValue().constant()).isFalse();
    }

    @Test
    void literalValuesBeforeAffinity() {
        Table t30 = schema.table("t30").orElseThrow();
        assertThat(t30.column("a").orElseThrow().defaultValue().value()).isEqualTo(Long.MIN_VALUE);
        assertThat(t30.column("d").orElseThrow().defaultValue().value()).isEqualTo(-1L);
        assertThat(t30.column("g").orElseThrow().defaultValue().value()).isEqualTo("true");
        assertThat(t30.column("v").orElseThrow().defaultValue().value()).isEqualTo(1L);
        assertThat(t30.column("q").orElseThrow().defaultValue().value()).isEqualTo(new byte[] {10});
        assertThat(t30.column("aa").orElseThrow().defaultValue()).isEqualTo(new DefaultValue("/* c */ 'x'", "x", true));
    }

    private static String typeOf(Object v) {
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

    private static String show(Object v) {
        return v instanceof byte[] b ? "x'" + HexFormat.of().formatHex(b) + "'" : String.valueOf(v);
    }
}
