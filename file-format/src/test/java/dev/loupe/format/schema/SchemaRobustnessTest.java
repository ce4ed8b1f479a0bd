package dev.loupe.format.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Whatever sqlite_schema holds, building the model returns (no exception, no hang, no deep recursion) with one
 * object per row of a known type and the problems it found. Seeded, so failures reproduce.
 */
@Timeout(120)
class SchemaRobustnessTest {

    private static final String[] KINDS = {"table", "index", "view", "trigger"};

    private static String kindOf(String sql) {
        String s = sql.toUpperCase();
        if (s.contains(" INDEX ")) {
            return "index";
        }
        if (s.contains(" VIEW ")) {
            return "view";
        }
        return s.contains(" TRIGGER ") ? "trigger" : "table";
    }

    private static Schema build(String type, String sql) {
        List<SchemaRow> rows = new ArrayList<>();
        rows.add(new SchemaRow("table", "t01", "t01", 2, "CREATE TABLE t01(a, b, c)"));
        rows.add(new SchemaRow(type, "x", "t01", type.equals("table") || type.equals("index") ? 3 : 0, sql));
        Schema[] out = new Schema[1];
        assertThatCode(() -> out[0] = Schema.from(rows)).as(sql).doesNotThrowAnyException();
        assertThat(out[0].objects()).as(sql).hasSize(2);
        return out[0];
    }

    @Test
    void everyPrefixOfEveryCorpusStatement() {
        for (String sql : DdlCorpus.STATEMENTS) {
            for (int n = 0; n <= sql.length(); n++) {
                build(kindOf(sql), sql.substring(0, n));
            }
        }
    }

    @Test
    void randomTokenEdits() {
        Random random = new Random(20240611);
        String[] inserts = {"(", ")", ",", "'", "\"", "[", "`", "--", "/*", "PRIMARY KEY", "UNIQUE", "CHECK (",
                "DEFAULT", "COLLATE", "GENERATED ALWAYS AS", "AS", "WITHOUT ROWID", "STRICT", "CONSTRAINT", "ON",
                "REFERENCES", "x'", "0x", "-", "NOT NULL", "AUTOINCREMENT", "DESC", "WHERE", "BEGIN", "END", ";"};
        for (int i = 0; i < 30_000; i++) {
            String sql = DdlCorpus.STATEMENTS.get(random.nextInt(DdlCorpus.STATEMENTS.size()));
            List<Token> tokens = SqlTokenizer.tokenize(sql);
            StringBuilder b = new StringBuilder();
            for (Token t : tokens) {
                int action = random.nextInt(20);
                if (action == 0) {
                    continue; // delete
                }
                b.append(t.text()).append(' ');
                if (action == 1) {
                    b.append(t.text()).append(' ');
                } else if (action == 2) {
                    b.append(inserts[random.nextInt(inserts.length)]).append(' ');
                }
            }
            build(random.nextInt(5) == 0 ? KINDS[random.nextInt(4)] : kindOf(sql), b.toString());
        }
    }

    @Test
    void randomCharacters() {
        Random random = new Random(7);
        String alphabet = "()[]'\"`,;.-+*/ \n\tabcxyzACTEIN0123456789_$?:@#\u00e4\u0131\u0000";
        String[] words = {"CREATE ", "TABLE ", "INDEX ", "UNIQUE ", "ON ", "VIEW ", "TRIGGER ", "VIRTUAL ", "USING ",
                "PRIMARY KEY ", "DEFAULT ", "AS ", "IF NOT EXISTS ", "WITHOUT ROWID", "STRICT", "BEGIN ", "END"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(random.nextBoolean() ? "CREATE " : "");
            int n = random.nextInt(120);
            for (int k = 0; k < n; k++) {
                if (random.nextInt(6) == 0) {
                    b.append(words[random.nextInt(words.length)]);
                } else {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            build(KINDS[random.nextInt(4)], b.toString());
        }
    }

    @Test
    void deepNestingDoesNotRecurse() {
        int depth = 200_000;
        String open = "(".repeat(depth);
        String close = ")".repeat(depth);
        for (String sql : List.of(
                "CREATE TABLE t(a DEFAULT " + open + "1" + close + ", b)",
                "CREATE TABLE t(a CHECK " + open + "a" + close + ", b AS " + open + "a" + close + ")",
                "CREATE TABLE t(a, UNIQUE(" + open + "a" + close + "))",
                "CREATE TABLE t(a DEFAULT " + "-".repeat(depth) + "1)",
                "CREATE TABLE t(a DEFAULT " + open,
                "CREATE INDEX i ON t01(" + open + "a" + close + " COLLATE nocase)",
                "CREATE INDEX i ON t01(" + open + "a" + close,
                "CREATE VIEW v AS SELECT " + open + "1" + close,
                "CREATE TRIGGER tr AFTER INSERT ON t01 WHEN " + open + "1" + close + " BEGIN SELECT 1; END")) {
            build(kindOf(sql), sql);
        }
        Table t = build("table", "CREATE TABLE t(a DEFAULT " + open + "-7" + close + ")").table("t").orElseThrow();
        assertThat(t.columns().get(0).defaultValue().value()).isEqualTo(-7L);
    }

    @Test
    void hugeStatements() {
        StringBuilder b = new StringBuilder("CREATE TABLE t(");
        for (int i = 0; i < 50_000; i++) {
            b.append(i == 0 ? "" : ", ").append("c").append(i).append(" INT DEFAULT ").append(i);
        }
        Table t = build("table", b.append(")").toString()).table("t").orElseThrow();
        assertThat(t.columns()).hasSize(50_000);
        build("table", "CREATE TABLE t(a TEXT DEFAULT '" + "x".repeat(1 << 20) + "')");
    }

    @Test
    void manyRows() {
        List<SchemaRow> rows = new ArrayList<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            rows.add(new SchemaRow("table", "t" + i, "t" + i, 2 + 3L * i, "CREATE TABLE t" + i + "(a UNIQUE, b)"));
            rows.add(new SchemaRow("index", "sqlite_autoindex_t" + i + "_1", "t" + i, 3 + 3L * i, null));
            rows.add(new SchemaRow("index", "i" + i, "t" + i, 4 + 3L * i, "CREATE INDEX i" + i + " ON t" + i + "(b)"));
            rows.add(new SchemaRow("trigger", "tr" + i, "t" + i, 0,
                    "CREATE TRIGGER tr" + i + " AFTER INSERT ON t" + i + " BEGIN SELECT 1; END"));
        }
        Schema s = Schema.from(rows);
        assertThat(s.problems()).isEmpty();
        assertThat(s.objects()).hasSize(4 * n);
        assertThat(s.indexesOf("t" + (n - 1))).hasSize(2);
    }

    @Test
    void damagedRowFields() {
        List<SchemaRow> rows = new ArrayList<>();
        rows.add(null);
        rows.add(new SchemaRow(null, null, null, -5, null));
        rows.add(new SchemaRow("table", null, null, 0, null));
        rows.add(new SchemaRow("index", null, null, Long.MAX_VALUE, null));
        rows.add(new SchemaRow("index", "sqlite_autoindex_", null, 9, null));
        rows.add(new SchemaRow("view", "v", null, 4, null));
        rows.add(new SchemaRow("trigger", "tr", "nosuch", 0, "CREATE TRIGGER tr"));
        rows.add(new SchemaRow("TABLE", "t", "t", 2, "CREATE TABLE t(a)"));
        rows.add(new SchemaRow("table", "t", "t", 2, "CREATE TABLE t(a)"));
        rows.add(new SchemaRow("table", "t", "t", 3, "create table T(b)"));
        rows.add(new SchemaRow("index", "i", "t", 3, "CREATE INDEX i ON t(a, nosuch, a+1)"));
        Schema[] s = new Schema[1];
        assertThatCode(() -> s[0] = Schema.from(rows)).doesNotThrowAnyException();
        assertThat(s[0].problems()).hasSizeGreaterThan(8);
        assertThatCode(() -> Schema.from(null)).doesNotThrowAnyException();
    }

    /** What a damaged CREATE TABLE still tells: the columns read before the damage. */
    @Test
    void truncatedTableKeepsWhatWasRead() {
        Schema s = build("table", "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL DEFAULT 'x', c VARCH");
        Table t = s.table("t").orElseThrow();
        assertThat(t.columns()).extracting(Column::name).containsExactly("a", "b", "c");
        assertThat(t.rowidAliasColumn()).isZero();
        assertThat(t.columns().get(1).notNull()).isTrue();
        assertThat(t.columns().get(2).declaredType()).isEqualTo("VARCH");
        assertThat(s.problems()).anySatisfy(p -> assertThat(p.message()).contains("expected ')'"));

        Schema garbled = build("table", "CREATE TABLE t(a INT, b ?? junk (, c TEXT)");
        assertThat(garbled.table("t").orElseThrow().columns()).extracting(Column::name).containsExactly("a", "b", "c");
        assertThat(garbled.problems()).isNotEmpty();
    }
}
