package dev.loupe.check.values;

import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases where rows break NOT NULL, STRICT, affinity and CHECK rules (the rules added to the schema after the
 * rows were written, as a damaged or hand-edited file would have them), checked by Loupe and by real SQLite: the
 * integrity_check lines Loupe gives (Finding.sqlite) equal, table by table and in scan order, what the sqlite3
 * 3.40.1 CLI prints; as a multiset what sqlite-jdbc 3.54.1 returns; and the (line, rowid or key) pairs equal the rows
 * SQLite itself picks out with typeof(), its NUMERIC affinity and the CHECK expressions.
 */
class ValueChecksMatchSqliteTest {

    private static final Set<FindingCode> ROW_CODES = Set.of(FindingCode.NOT_NULL_VIOLATED,
            FindingCode.STRICT_TYPE_VIOLATED, FindingCode.AFFINITY_VIOLATED, FindingCode.CHECK_CONSTRAINT_FAILED);

    @TempDir
    Path dir;

    @Test
    void notNullColumnsHoldingNull() throws Exception {
        Path db = dir.resolve("nn.db");
        SqliteSide.build(db, List.of(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a, b TEXT, c INT, d BLOB)",
                "INSERT INTO t VALUES (1, 1, 'x', 1, x'01'), (2, NULL, 'y', 2, NULL), (3, 3, NULL, NULL, NULL),"
                        + " (4, NULL, NULL, NULL, x'00')",
                "CREATE TABLE \"Mixed Case\"(\"Col A\" NOT NULL, b)",
                "INSERT INTO \"Mixed Case\" VALUES (1, 2)",
                "ALTER TABLE \"Mixed Case\" ADD COLUMN late TEXT",
                "INSERT INTO \"Mixed Case\" VALUES (2, 3, NULL)"),
                "t", "CREATE TABLE t(id INTEGER PRIMARY KEY NOT NULL, a NOT NULL, b TEXT NOT NULL, c INT NOT NULL,"
                        + " d BLOB NOT NULL)",
                "Mixed Case", "CREATE TABLE \"Mixed Case\"(\"Col A\" NOT NULL, b, late TEXT NOT NULL)");
        List<Finding> f = compare(db);
        assertThat(count(f, FindingCode.NOT_NULL_VIOLATED)).isEqualTo(10);
    }

    @Test
    void phantomNullOf340AfterAnEarlierReportInTheRow() throws Exception {
        Path db = dir.resolve("phantom.db");
        SqliteSide.build(db, List.of(
                "CREATE TABLE a(a, b, c, d)",
                "INSERT INTO a VALUES ('12', '13', 5, '14'), ('x', '13', 6, 'y'), (1, 2, 3, 4)"),
                "a", "CREATE TABLE a(a INT, b INT, c NOT NULL, d INT)");
        List<Finding> f = LoupeSide.run(db);
        List<String> cli = SqliteSide.cliLines(db, dir);
        assertThat(f.stream().map(Finding::sqlite).filter(Objects::nonNull).toList()).isEqualTo(cli);
        assertThat(cli).contains("NULL value in a.c");
        assertThat(f).filteredOn(x -> "NULL value in a.c".equals(x.sqlite())).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
        Set<String> pairs = new HashSet<>();
        for (Finding x : f) {
            if (x.severity() != Severity.INFO) {
                pairs.add(truthLine(x) + "|" + String.join(",", x.keys()));
            }
        }
        assertThat(pairs).isEqualTo(SqliteSide.oracle(db, dir));
    }

    @Test
    void recordLongerThanItsTableIsReportedWhileSqliteSaysOk() throws Exception {
        Path db = dir.resolve("long.db");
        SqliteSide.build(db, List.of("CREATE TABLE t(a, b, c)", "INSERT INTO t VALUES (1, 2, 3)"),
                "t", "CREATE TABLE t(a, b)");
        assertThat(SqliteSide.cliLines(db, dir)).isEmpty();
        assertThat(LoupeSide.run(db)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.RECORD_TOO_LONG);
            assertThat(f.sqlite()).isNull();
            assertThat(f.keys()).containsExactly("1");
        });
    }

    @Test
    void strictColumnsOfEveryType() throws Exception {
        Path db = dir.resolve("strict.db");
        SqliteSide.build(db, List.of(
                "CREATE TABLE s(k INTEGER PRIMARY KEY, i INT, ii INTEGER, r REAL, t TEXT, b BLOB, a ANY,"
                        + " n INT)",
                "INSERT INTO s VALUES (1, 1, 2, 1.5, 'x', x'00', 1, 0)",
                "INSERT INTO s VALUES (2, 'one', 2.5, 'r', 12, 'blob?', 'any', NULL)",
                "INSERT INTO s VALUES (3, 1.0e30, x'01', 7, 1.25, 5, x'ff', 'n')",
                "INSERT INTO s VALUES (4, x'02', '3', x'03', x'04', 4.5, 2.5, 1)",
                "INSERT INTO s VALUES (5, NULL, NULL, NULL, NULL, NULL, NULL, 2)"),
                "s", "CREATE TABLE s(k INTEGER PRIMARY KEY, i int, ii INTEGER, r REAL, t TEXT, b BLOB, a ANY,"
                        + " n INT NOT NULL) STRICT");
        List<Finding> f = compare(db);
        assertThat(f).filteredOn(x -> x.code() == FindingCode.STRICT_TYPE_VIOLATED && x.severity() == Severity.ERROR)
                .hasSizeGreaterThanOrEqualTo(12);
        assertThat(f).anyMatch(x -> "non-INT value in s.i".equals(x.sqlite()));
    }

    @Test
    void affinityChecksForEveryAffinityAndStorageClass() throws Exception {
        Path db = dir.resolve("aff.db");
        List<String> setup = new ArrayList<>();
        setup.add("CREATE TABLE a(t, n, i, r, b, v)");
        String[] values = {"NULL", "12", "-7", "1.5", "1e300", "'12'", "' 12 '", "'1.5'", "'1e5'", "'-0'", "'0x10'",
                "'12abc'", "'abc'", "''", "'.5'", "'5.'", "'9223372036854775808'", "'1e999'", "'+3'", "x'3132'",
                "'inf'", "'  '", "'1_000'", "'१२'", "'12\t'"};
        for (String v : values) {
            setup.add("INSERT INTO a VALUES (" + String.join(", ", v, v, v, v, v, v) + ")");
        }
        SqliteSide.build(db, setup,
                "a", "CREATE TABLE a(t VARCHAR(10), n NUMERIC, i BIGINT, r DOUBLE, b BLOB, v DECIMAL(5,2))");
        List<Finding> f = compare(db);
        assertThat(f).anyMatch(x -> "NUMERIC value in a.t".equals(x.sqlite()))
                .anyMatch(x -> "TEXT value in a.n".equals(x.sqlite()))
                .anyMatch(x -> "TEXT value in a.i".equals(x.sqlite()))
                .anyMatch(x -> x.sqlite() == null && x.message().contains("\"TEXT value in a.r\""))
                .noneMatch(x -> x.sqlite() != null && x.sqlite().endsWith("a.b"));
    }

    @Test
    void checkConstraintsOfTheEvaluableKinds() throws Exception {
        Path db = dir.resolve("check.db");
        String[] checks = {
                "c", "a > 0",
                "c", "b IS NULL OR length(b) <= 3",
                "c", "NOT (a = 13) AND (a < 100 OR a IS NULL)",
                "c", "lower(b) <> 'bad' AND upper(coalesce(b, 'x')) <> 'WORSE'",
                "c", "abs(a - 50) < 45 OR substr(b, 1, 1) = 'z'",
                "c", "a * 2 + 1 <> 21",
                "c", "b <> 'eq'",
                "c", "'lit' = 'lit'"};
        List<String> setup = new ArrayList<>();
        setup.add("CREATE TABLE c(id INTEGER PRIMARY KEY, a INT, b TEXT)");
        setup.add("INSERT INTO c(a, b) VALUES (50, 'ok'), (-1, 'ok'), (13, 'ok'), (NULL, NULL), (40, 'toolong'),"
                + " (60, 'BAD'), (70, 'worse'), (99, 'zz'), (3, 'aa'), (10, 'x'), (20, 'eq'), (5, NULL),"
                + " (-5, 'bad'), (NULL, 'abcd')");
        StringBuilder ddl = new StringBuilder("CREATE TABLE c(id INTEGER PRIMARY KEY, a INT CHECK (a > 0), b TEXT");
        for (int i = 2; i < checks.length; i += 2) {
            ddl.append(", CHECK (").append(checks[i + 1]).append(')');
        }
        ddl.append(')');
        SqliteSide.build(db, setup, "c", ddl.toString());
        List<Finding> f = compare(db, checks);
        assertThat(count(f, FindingCode.CHECK_CONSTRAINT_FAILED)).isGreaterThanOrEqualTo(9);
        assertThat(count(f, FindingCode.NOT_CHECKED)).isZero();
    }

    /**
     * CHECK constraints on JSON as ORMs write them (Django's JSONField: {@code JSON_VALID("doc") OR "doc" IS NULL})
     * and as applications do, over valid, NULL, malformed and JSON5 documents written with the checks off.
     */
    @Test
    void jsonCheckConstraintsAsOrmsWriteThem() throws Exception {
        Path db = dir.resolve("json-check.db");
        String[] checks = {
                "j", "(JSON_VALID(\"doc\") OR \"doc\" IS NULL)",
                "j", "doc IS NULL OR NOT json_valid(doc) OR doc ->> '$.age' >= 0",
                "j", "json_valid(doc) = 0 OR json_extract(doc, '$.tags[0]') IS NOT 'banned'",
                "j", "doc IS NULL OR json_valid(doc) = 0 OR (doc -> 'name') LIKE '\"%\"'"};
        List<String> setup = List.of(
                "CREATE TABLE j(id INTEGER PRIMARY KEY, doc TEXT)",
                "INSERT INTO j(doc) VALUES ('{\"name\":\"a\",\"age\":3,\"tags\":[\"x\"]}'), (NULL), ('{bad'),"
                        + " ('{\"age\":-3}'), ('{age:1}'), ('{\"name\":7,\"tags\":[\"banned\",1]}'),"
                        + " ('[1,2]'), ('{\"name\":\"b\u00e9\",\"age\":0.5}'), ('{\"tags\":[\"banned\"]} '),"
                        + " (''), ('{\"age\":\"7\"}')");
        List<Finding> f = withChecks(db, setup, "j(id INTEGER PRIMARY KEY, doc TEXT", checks);
        // one line per row, as SQLite prints: three documents not JSON, a negative age, two banned first tags (one
        // with a name that is not text)
        assertThat(count(f, FindingCode.CHECK_CONSTRAINT_FAILED)).isEqualTo(6);
        assertThat(count(f, FindingCode.NOT_CHECKED)).isZero();
    }

    /** CHECK constraints on dates as applications write them, over sound, NULL and malformed timestamps. */
    @Test
    void dateCheckConstraints() throws Exception {
        Path db = dir.resolve("date-check.db");
        String[] checks = {
                "v", "at IS NULL OR date(at) IS NOT NULL",
                "v", "ts >= unixepoch('2000-01-01') AND ts < unixepoch('2100-01-01', '+0 days')",
                "v", "strftime('%H', at) < '22' OR at IS NULL OR date(at) IS NULL"};
        List<String> setup = List.of(
                "CREATE TABLE v(id INTEGER PRIMARY KEY, at TEXT, ts INTEGER)",
                "INSERT INTO v(at, ts) VALUES ('2023-06-15 10:20:30', 1700000000), (NULL, 1700000000),"
                        + " ('2023-13-01', 1700000000), ('yesterday', 1700000000), ('2023-06-15T23:00Z', 1700000000),"
                        + " ('2023-06-15 12:00', 900000000), ('12:30', 4200000000), ('2460000.5', 1700000000),"
                        + " ('2023-06-15 21:59:59.999', 1700000000)");
        List<Finding> f = withChecks(db, setup, "v(id INTEGER PRIMARY KEY, at TEXT, ts INTEGER", checks);
        // one line per row: two timestamps that are not dates, an evening hour, two unix times out of range
        assertThat(count(f, FindingCode.CHECK_CONSTRAINT_FAILED)).isEqualTo(5);
        assertThat(count(f, FindingCode.NOT_CHECKED)).isZero();
    }

    @Test
    void checkConstraintsAddedWithIgnoreCheckConstraints() throws Exception {
        Path db = dir.resolve("ignore.db");
        SqliteSide.build(db, List.of(
                "CREATE TABLE p(x REAL CHECK (x BETWEEN 0 AND 1), y TEXT COLLATE NOCASE CHECK (y IN ('a', 'b')))",
                "PRAGMA ignore_check_constraints=ON",
                "INSERT INTO p VALUES (0.5, 'A'), (2, 'a'), (-1, 'c'), (1, 'B'), (NULL, NULL), ('0.25', 'b')"));
        List<Finding> f = compare(db, "p", "x BETWEEN 0 AND 1", "p", "y IN ('a', 'b')");
        assertThat(count(f, FindingCode.CHECK_CONSTRAINT_FAILED)).isEqualTo(2);
    }

    @Test
    void checkTheEvaluatorCannotComputeIsReportedOnceNotGuessed() throws Exception {
        Path db = dir.resolve("printf.db");
        SqliteSide.build(db, List.of(
                "CREATE TABLE q(a INT, b INT)",
                "INSERT INTO q VALUES (1, 1), (13, 2), (13, -3), (4, 4)"),
                "q", "CREATE TABLE q(a INT CHECK (printf('%.0f', a) <> '13'), b INT CHECK (b > 0))");
        List<Finding> f = LoupeSide.run(db);
        List<String> cli = SqliteSide.cliLines(db, dir);
        assertThat(cli).containsExactly("CHECK constraint failed in q", "CHECK constraint failed in q");
        assertThat(f).filteredOn(x -> x.code() == FindingCode.NOT_CHECKED).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("printf").contains("4 row(s)"));
        // Only the row whose evaluable constraint fails is flagged: rowid 3 (b = -3); rowid 2 is not guessed.
        assertThat(f).filteredOn(x -> x.code() == FindingCode.CHECK_CONSTRAINT_FAILED)
                .extracting(x -> x.keys().get(0)).containsExactly("3");
    }

    @Test
    void withoutRowidTablesAreKeyedByTheirPrimaryKey() throws Exception {
        Path db = dir.resolve("wr.db");
        SqliteSide.build(db, List.of(
                "CREATE TABLE w(k TEXT, n INT, v, PRIMARY KEY (n, k)) WITHOUT ROWID",
                "INSERT INTO w VALUES ('a', 1, 1), ('b', 2, NULL), ('c', 3, '42'), ('it''s', 4, 9), ('e', 5, 'x')",
                "CREATE TABLE ws(id INT PRIMARY KEY, t TEXT, r REAL) STRICT, WITHOUT ROWID",
                "INSERT INTO ws VALUES (1, 'x', 1.5), (2, 'y', 2)"),
                "w", "CREATE TABLE w(k TEXT, n INT, v INTEGER NOT NULL CHECK (v < 10), PRIMARY KEY (n, k))"
                        + " WITHOUT ROWID",
                "ws", "CREATE TABLE ws(id INT PRIMARY KEY, t INT, r TEXT) STRICT, WITHOUT ROWID");
        List<Finding> f = compare(db, "w", "v < 10");
        assertThat(f).anyMatch(x -> x.keys().equals(List.of("2", "'b'")));
    }

    /** Checks {@code db} with Loupe and SQLite and compares; returns Loupe's findings. */
    /**
     * Builds the table from {@code setup} and then gives it {@code checks} (table, expression pairs) as table
     * constraints after {@code head} ("t(columns"), so the rows were written without them; compares as
     * {@link #compare} does.
     */
    private List<Finding> withChecks(Path db, List<String> setup, String head, String[] checks) throws Exception {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(head);
        for (int i = 0; i < checks.length; i += 2) {
            ddl.append(", CHECK (").append(checks[i + 1]).append(')');
        }
        SqliteSide.build(db, setup, head.substring(0, head.indexOf('(')), ddl.append(')').toString());
        return compare(db, checks);
    }

    private List<Finding> compare(Path db, String... checks) throws Exception {
        List<Finding> loupe = LoupeSide.run(db);
        List<Finding> rows = loupe.stream().filter(x -> ROW_CODES.contains(x.code())).toList();
        List<String> loupeLines = rows.stream().map(Finding::sqlite).filter(Objects::nonNull).toList();
        List<String> cli = SqliteSide.cliLines(db, dir);
        assertThat(byTable(loupeLines)).as("integrity_check lines per table, in scan order (sqlite3 3.40.1)")
                .isEqualTo(byTable(cli));
        List<Finding> real = rows.stream().filter(x -> x.severity() != Severity.INFO).toList();
        assertThat(loupeLines).as("integrity_check lines of sqlite-jdbc 3.54.1")
                .containsExactlyInAnyOrderElementsOf(SqliteSide.jdbcLines(db, dir));
        Set<String> pairs = new HashSet<>();
        for (Finding x : real) {
            pairs.add(truthLine(x) + "|" + String.join(",", x.keys()));
        }
        assertThat(pairs).as("(line, key) pairs against SQLite's per-row answers")
                .isEqualTo(SqliteSide.oracle(db, dir, checks));
        assertThat(pairs).hasSize(real.size());
        assertThat(loupe).filteredOn(x -> x.code() != FindingCode.NOT_CHECKED)
                .allSatisfy(x -> assertThat(x.page()).isPositive());
        assertThat(rows).isNotEmpty();
        return loupe;
    }

    /** The line SQLite prints for a real problem, also when its integrity_check misses this instance. */
    private static String truthLine(Finding x) {
        if (x.sqlite() != null) {
            return x.sqlite();
        }
        int i = x.message().indexOf(TableValueCheck.MISSED) + TableValueCheck.MISSED.length();
        return x.message().substring(i, x.message().indexOf('"', i));
    }

    /** Lines grouped by the table they name, each group in output order (SQLite visits tables in hash order). */
    private static Map<String, List<String>> byTable(List<String> lines) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String l : lines) {
            String rest = l.substring(l.indexOf(" in ") + 4);
            String table = l.startsWith("CHECK") ? rest : rest.substring(0, rest.lastIndexOf('.'));
            out.computeIfAbsent(table, k -> new ArrayList<>()).add(l);
        }
        return new java.util.TreeMap<>(out);
    }

    private static long count(List<Finding> f, FindingCode code) {
        return f.stream().filter(x -> x.code() == code).count();
    }
}
