package dev.loupe.check.index;

import dev.loupe.check.CheckReport;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.check.Sqlite340;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index against table checks through the Checker, on databases SQLite built and then damaged in ways its own
 * integrity_check detects; SQLite 3.40 (CLI) and 3.54 (sqlite-jdbc) say what must be found.
 */
class IndexChecksTest {

    private static final Set<FindingCode> INDEX_CODES = EnumSet.of(FindingCode.INDEX_ENTRY_MISSING,
            FindingCode.INDEX_ENTRY_DIFFERS, FindingCode.INDEX_ENTRY_EXTRA, FindingCode.INDEX_ENTRY_COUNT,
            FindingCode.INDEX_ROWID_NOT_AT_END, FindingCode.INDEX_NOT_UNIQUE, FindingCode.INDEX_RECORD_LENGTH,
            FindingCode.INDEX_KEY_VERSION);
    private static final Pattern INDEX_LINE = Pattern.compile(
            "row \\d+ missing from index \\S+|wrong # of entries in index \\S+|non-unique entry in index \\S+");
    private static final Pattern MISSING_LINE = Pattern.compile("row \\d+ missing from index (\\S+)");
    private static final Pattern DIFFERS_LINE = Pattern.compile("row (\\d+) values differ from index (\\S+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"INDEXES", "WITHOUT_ROWID", "UTF16LE", "UTF16BE", "DEMO", "TYPES",
            "PAGE_512", "OVERFLOW", "ALTER_ADD_COLUMN", "AUTOVACUUM_FULL"})
    void intactSamplesGiveNoIndexFindings(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, dir);
        CheckReport r = IndexFixtures.check(db);
        assertThat(indexFindings(r)).isEmpty();
        assertThat(r.findings()).noneMatch(f -> f.code() == FindingCode.NOT_CHECKED);
        assertThat(Sqlite340.integrityCheck(db, dir.resolve("s"))).containsExactly("ok");
    }

    static final String TABLE = "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, n INT, code TEXT, score REAL)";
    static final String ROWS = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 300)"
            + " INSERT INTO t SELECT i, char(65 + i % 26, 97 + i % 7) || i, i * 7 % 1000, 'c' || (i % 40)"
            + " || substr('   ', 1, i % 3), i % 50 FROM s";

    /** Each kind of index, made stale: rows deleted, inserted and updated while SQLite did not see the index. */
    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX i ON t(name)",
            "CREATE UNIQUE INDEX i ON t(n)",
            "CREATE INDEX i ON t(name DESC, n)",
            "CREATE INDEX i ON t(name COLLATE NOCASE)",
            "CREATE INDEX i ON t(code COLLATE RTRIM, score DESC)",
            "CREATE INDEX i ON t(n) WHERE n % 3 = 0 AND name IS NOT NULL",
            "CREATE INDEX i ON t(lower(name), n + 1)",
            "CREATE INDEX i ON t(substr(code, 1, 2), abs(n - 500)) WHERE score > 10",
            "CREATE INDEX i ON t(printf('%s-%05d|%-4.2s|%x', code, n, name, score))",
            "CREATE INDEX i ON t(score)"})
    void staleIndexNamedLikeSqlite(String index) throws Exception {
        for (String encoding : List.of("UTF-8", "UTF-16le")) {
            Path db = dir.resolve("stale-" + encoding + ".db");
            IndexFixtures.build(db, "PRAGMA encoding='" + encoding + "'", TABLE, ROWS, index);
            assertStaleNamedLikeSqlite(db, "DELETE FROM t WHERE id IN (5, 6, 150)",
                    "INSERT INTO t VALUES (1000, 'Zed', 3000, 'z  ', 7.0)",
                    "INSERT INTO t VALUES (1001, 'yak', 3003, 'c3', 60)",
                    "UPDATE t SET name = name || 'x', n = n + 100000, code = code || 'q', score = score + 30.5"
                            + " WHERE id IN (10, 12)");
        }
    }

    @Test
    void staleIndexOfWithoutRowidTable() throws Exception {
        Path db = dir.resolve("wr.db");
        IndexFixtures.build(db, "CREATE TABLE w(k TEXT, j INT, v, PRIMARY KEY(k DESC, j)) WITHOUT ROWID",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 200)"
                        + " INSERT INTO w SELECT 'k' || (i % 17), i, i * 3 FROM s",
                "CREATE INDEX i ON w(v)", "CREATE UNIQUE INDEX u ON w(j, v)");
        IndexFixtures.staleIndex(db, "i", "DELETE FROM w WHERE j IN (3, 4)", "UPDATE w SET v = -1 WHERE j = 9",
                "INSERT INTO w VALUES ('new', 1, 2)");
        CheckReport r = assertSameAsSqlite(db);
        assertThat(codes(r)).contains(FindingCode.INDEX_ENTRY_MISSING, FindingCode.INDEX_ENTRY_EXTRA,
                FindingCode.INDEX_ENTRY_COUNT);
    }

    @Test
    void rewrittenKeyBytesAreMissingAndExtra() throws Exception {
        Path db = dir.resolve("patched.db");
        IndexFixtures.build(db, "CREATE TABLE t(a TEXT, b INT)",
                "INSERT INTO t VALUES ('k10', 1), ('k20', 2), ('k30', 3)", "CREATE INDEX i ON t(a)");
        IndexFixtures.patchPage(db, IndexFixtures.rootPage(db, "i"), "k20", "k21", StandardCharsets.UTF_8);
        CheckReport r = assertSameAsSqlite(db);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.INDEX_ENTRY_MISSING);
            assertThat(f.sqlite()).isEqualTo("row 2 missing from index i");
            assertThat(f.keys()).containsExactly("2");
        });
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.INDEX_ENTRY_EXTRA);
            assertThat(f.keys()).containsExactly("'k21'", "2");
        });
    }

    @Test
    void nocaseEntryWithOtherCaseDiffers() throws Exception {
        Path db = dir.resolve("nocase.db");
        IndexFixtures.build(db, "CREATE TABLE t(a TEXT)", "INSERT INTO t VALUES ('abc'), ('mno'), ('xyz')",
                "CREATE INDEX i ON t(a COLLATE NOCASE)");
        IndexFixtures.patchPage(db, IndexFixtures.rootPage(db, "i"), "mno", "MNO", StandardCharsets.UTF_8);
        CheckReport r = assertSameAsSqlite(db);
        assertThat(indexFindings(r)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.INDEX_ENTRY_DIFFERS);
            assertThat(f.message()).startsWith("row 2 of t");
            assertThat(f.sqlite()).isNull();
        });
    }

    @Test
    void duplicatesUnderUniqueSql() throws Exception {
        Path db = dir.resolve("unique.db");
        IndexFixtures.build(db, "CREATE TABLE t(a TEXT, b INT)",
                "INSERT INTO t VALUES ('x', 1), ('Y', 2), ('y', 3), (NULL, 4), (NULL, 5), ('z', 6), ('z', 7), ('z', 8)",
                "CREATE INDEX u ON t(a COLLATE NOCASE)");
        IndexFixtures.writableSchema(db,
                "UPDATE sqlite_schema SET sql = 'CREATE UNIQUE INDEX u ON t(a COLLATE NOCASE)' WHERE name = 'u'");
        CheckReport r = assertSameAsSqlite(db);
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.INDEX_NOT_UNIQUE).hasSize(3);
    }

    @Test
    void indexBuiltUnderAnotherCollation() throws Exception {
        Path db = dir.resolve("collation.db");
        IndexFixtures.build(db, "CREATE TABLE t(a TEXT)",
                "INSERT INTO t VALUES ('b'), ('A'), ('c'), ('B'), ('a'), ('C'), ('d'), ('D')",
                "CREATE INDEX i ON t(a COLLATE NOCASE)");
        IndexFixtures.writableSchema(db, "UPDATE sqlite_schema SET sql = 'CREATE INDEX i ON t(a)' WHERE name = 'i'");
        CheckReport r = assertSameAsSqlite(db);
        assertThat(codes(r)).contains(FindingCode.INDEX_ENTRY_MISSING);
    }

    /** JSON documents, some NULL, one not an object, one an array where an object is expected. */
    static final String JSON_TABLE = "CREATE TABLE d(id INTEGER PRIMARY KEY, doc TEXT)";
    static final String JSON_ROWS = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 300)"
            + " INSERT INTO d SELECT i, CASE WHEN i % 37 = 0 THEN NULL WHEN i % 53 = 0 THEN '[1,2]'"
            + " ELSE json_object('name', char(65 + i % 26) || 'é' || i, 'age', i % 90, 'score', i * 0.25,"
            + " 'tags', json_array('t' || (i % 5), i % 3), 'meta', json_object('ok', i % 2 = 0)) END FROM s";

    /** Indexes on JSON as applications write them (json_extract, ->, ->>), made stale as above. */
    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX i ON d(json_extract(doc, '$.name'))",
            "CREATE INDEX i ON d(doc ->> 'age', doc -> '$.tags[0]')",
            "CREATE INDEX i ON d(json_extract(doc, '$.meta.ok'), doc ->> '$.score' DESC) WHERE doc ->> 'age' > 30",
            "CREATE INDEX i ON d(lower(doc ->> 'name')) WHERE doc IS NOT NULL AND json_valid(doc)",
            "CREATE INDEX i ON d(doc ->> 'age') WHERE json_valid(doc)",
            "CREATE INDEX i ON d(json_extract(doc, '$.tags[#-1]', '$.age'))"})
    void staleJsonIndexNamedLikeSqlite(String index) throws Exception {
        for (String encoding : List.of("UTF-8", "UTF-16le")) {
            Path db = dir.resolve("json-" + encoding + ".db");
            IndexFixtures.build(db, "PRAGMA encoding='" + encoding + "'", JSON_TABLE, JSON_ROWS, index);
            assertStaleNamedLikeSqlite(db, "DELETE FROM d WHERE id IN (5, 6, 150)",
                    "INSERT INTO d VALUES (1000, '{\"name\":\"Zed\",\"age\":77,\"tags\":[\"new\"]}')",
                    "UPDATE d SET doc = json_set(doc, '$.name', 'renamed', '$.age', 99, '$.tags[0]', 'x')"
                            + " WHERE id IN (10, 12, 31)");
        }
    }

    /** Events with a text timestamp (some NULL, one not a date) and an integer unix time. */
    static final String EVENT_TABLE = "CREATE TABLE e(id INTEGER PRIMARY KEY, at TEXT, ts INTEGER)";
    static final String EVENT_ROWS = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 300)"
            + " INSERT INTO e SELECT i, CASE WHEN i % 41 = 0 THEN NULL WHEN i % 59 = 0 THEN 'soon'"
            + " ELSE datetime(2450000 + i * 37.123) END, 1600000000 + i * 86461 FROM s";

    /** Indexes on dates and times as applications write them, made stale as above. */
    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX i ON e(date(at))",
            "CREATE INDEX i ON e(strftime('%Y-%m', at), unixepoch(at) DESC)",
            "CREATE INDEX i ON e(datetime(ts, 'unixepoch'), julianday(at, 'start of month', '+1 month'))",
            "CREATE INDEX i ON e(time(at)) WHERE date(ts, 'unixepoch') > '2021-01-01'"})
    void staleDateIndexNamedLikeSqlite(String index) throws Exception {
        Path db = dir.resolve("dates.db");
        IndexFixtures.build(db, EVENT_TABLE, EVENT_ROWS, index);
        assertStaleNamedLikeSqlite(db, "DELETE FROM e WHERE id IN (5, 6, 150)",
                "INSERT INTO e VALUES (1000, '2031-05-06 07:08:09', 1900000000)",
                "UPDATE e SET at = datetime(at, '+1 day'), ts = ts + 86400 WHERE id IN (10, 12, 31)");
    }

    /**
     * A VIRTUAL column the reader cannot compute for one row (its document is not JSON) spoils only what reads it:
     * an index on another expression of the same table is still compared row by row, and named like SQLite when
     * it goes stale.
     */
    @Test
    void uncomputedGeneratedColumnSpoilsOnlyWhatReadsIt() throws Exception {
        Path db = dir.resolve("uncomputed.db");
        IndexFixtures.build(db, "CREATE TABLE g(id INTEGER PRIMARY KEY, doc TEXT, b INT)",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 200)"
                        + " INSERT INTO g SELECT i, CASE WHEN i = 77 THEN '{not json' ELSE json_object('x', i % 13)"
                        + " END, i * 3 FROM s",
                "CREATE INDEX g_b ON g(b + 1, id % 7)");
        IndexFixtures.writableSchema(db, "UPDATE sqlite_schema SET sql = 'CREATE TABLE g(id INTEGER PRIMARY KEY,"
                + " doc TEXT, b INT, x GENERATED ALWAYS AS (json_extract(doc, ''$.x'')) VIRTUAL)' WHERE name = 'g'");
        assertThat(IndexFixtures.check(db).findings()).noneMatch(f -> f.code() == FindingCode.NOT_CHECKED);
        IndexFixtures.staleIndex(db, "g_b", "DELETE FROM g WHERE id IN (5, 150)", "UPDATE g SET b = -b WHERE id = 9");
        CheckReport r = assertSameAsSqlite(db);
        assertThat(codes(r)).contains(FindingCode.INDEX_ENTRY_MISSING, FindingCode.INDEX_ENTRY_EXTRA);
        assertThat(r.findings()).noneMatch(f -> f.code() == FindingCode.NOT_CHECKED && f.object().equals("g_b"));
    }

    /**
     * Rows whose key Loupe cannot compute (a float printf) are found by rowid and counted; they stay out of the
     * comparison, which covers the other entries.
     */
    @Test
    void unsupportedExpressionIsNotCheckedButCounted() throws Exception {
        Path db = dir.resolve("printf.db");
        IndexFixtures.build(db, "CREATE TABLE t(j TEXT)",
                "INSERT INTO t VALUES ('a'), ('b'), ('c')",
                "CREATE INDEX i ON t(printf('%.1f!', length(j)))");
        assertThat(IndexFixtures.check(db).findings()).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo(FindingCode.NOT_CHECKED));
        IndexFixtures.staleIndex(db, "i", "DELETE FROM t WHERE rowid = 2");
        CheckReport r = assertSameAsSqlite(db);
        // the entry of the row deleted behind the index's back ends with a rowid no row has
        assertThat(codes(r)).containsExactlyInAnyOrder(FindingCode.NOT_CHECKED, FindingCode.INDEX_ENTRY_COUNT,
                FindingCode.INDEX_ENTRY_EXTRA);
    }

    /** A table whose index key Loupe computes for most rows (lower(name)), not for every 40th (a float printf). */
    static final String MIXED_TABLE = "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, x REAL)";
    static final String MIXED_ROWS = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 400)"
            + " INSERT INTO t SELECT i, 'Name' || (i * 7919 % 401), i * 0.37 FROM s";
    static final String MIXED_INDEX = "CREATE INDEX i ON t(CASE WHEN id % 40 = 0 THEN printf('%.2f', x)"
            + " ELSE lower(name) END)";

    /**
     * The rows whose key cannot be computed leave the rest of the index compared: intact, one not-checked finding
     * names them and nothing else is found; stale, every row SQLite 3.40 names is named, in its order, those rows' own
     * entries deleted or missing among them (a row deleted behind the index leaves an entry no row has; a row inserted
     * behind it has no entry ending with its rowid). In a WITHOUT ROWID table the rows are held by PRIMARY KEY and
     * their entries found by the PRIMARY KEY they carry, the scan positions counted over the table's index b-tree
     * (on 512-byte pages: rows on interior pages among them).
     */
    @ParameterizedTest(name = "WITHOUT ROWID: {0}")
    @ValueSource(booleans = {false, true})
    void rowsWithoutAComputableKeyLeaveTheRestCompared(boolean withoutRowid) throws Exception {
        Path db = dir.resolve("mixed.db");
        IndexFixtures.build(db, "PRAGMA page_size = " + (withoutRowid ? 512 : 4096),
                MIXED_TABLE + (withoutRowid ? " WITHOUT ROWID" : ""), MIXED_ROWS, MIXED_INDEX);
        String by = withoutRowid ? "PRIMARY KEY" : "rowid";
        List<Finding> intact = IndexFixtures.check(db).findings();
        assertThat(intact).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.NOT_CHECKED);
            assertThat(f.message()).contains("the key of 10 rows of t could not be computed",
                    withoutRowid ? "PRIMARY KEYs (40), (80), (120)" : "rowids 40, 80, 120",
                    "their entries were found by " + by);
        });
        IndexFixtures.staleIndex(db, "i", "DELETE FROM t WHERE id IN (40, 7)",
                "INSERT INTO t VALUES (1000, 'new', 1.5), (1001, 'Zed', 2.5), (1040, 'more', 3.5)"
                        + (withoutRowid ? ", (220.5, 'x', 1.0)" : ""),
                "UPDATE t SET name = 'renamed' WHERE id IN (3, 9)");
        CheckReport r = assertSameAsSqlite(db);
        assertThat(codes(r)).contains(FindingCode.INDEX_ENTRY_MISSING, FindingCode.INDEX_ENTRY_EXTRA,
                FindingCode.INDEX_ENTRY_COUNT);
        // rows 1000 and 1040 (keys not computed) are named by their rowid's missing entry, 40's entry as extra
        String row = withoutRowid ? "(PRIMARY KEY (%d))" : "(rowid %d)";
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.message()).contains(row.formatted(1000)
                + " has no entry in index i (its key could not be computed"));
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.message()).contains(row.formatted(1040)
                + " has no entry"));
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.message())
                .contains(withoutRowid ? "no row has that PRIMARY KEY" : "no row has rowid 40"));
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.NOT_CHECKED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the key of 9 rows of t"));
    }

    /**
     * Rows whose key cannot be computed and which have no entry, in a table whose tree a descent by rowid no longer
     * follows to them (the root's last divider raised from 349 to 1020): the walk read them, so they are named missing
     * with SQLite's scan positions, read again where the walk read them. The entries of rows 350-400, which SQLite's
     * lookups by rowid no longer reach either, are named for what they are: rows out of a descent's reach.
     */
    @Test
    void uncertainRowsMissingAreNamedWhereADescentCannotFindThem() throws Exception {
        Path db = dir.resolve("lost.db");
        IndexFixtures.build(db, MIXED_TABLE, MIXED_ROWS, MIXED_INDEX);
        IndexFixtures.staleIndex(db, "i", "INSERT INTO t VALUES (1000, 'new', 1.5), (1001, 'Zed', 2.5),"
                + " (1040, 'more', 3.5)");
        IndexFixtures.raiseLastDivider(db, IndexFixtures.rootPage(db, "t"), 1020);
        CheckReport r = assertSameAsSqlite(db);
        assertThat(IndexFixtures.missingRows(r)).containsExactly("row 401 missing from index i",
                "row 402 missing from index i", "row 403 missing from index i");
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.INDEX_ENTRY_MISSING)
                .extracting(Finding::keys).containsExactlyInAnyOrder(List.of("1000"), List.of("1001"), List.of("1040"));
        List<Finding> extra = r.findings().stream().filter(f -> f.code() == FindingCode.INDEX_ENTRY_EXTRA).toList();
        assertThat(extra).hasSize(51).allSatisfy(f -> assertThat(f.message())
                .containsPattern("a descent of t by rowid (3[5-9]\\d|400) finds no row: the tree of t is damaged"));
    }

    /**
     * A partial index whose WHERE clause Loupe cannot compute for some rows (a float printf): each of those rows may
     * have its entry or not, and the count is held to that range; the other rows are compared. An entry whose row
     * was deleted behind the index, and a row with a known WHERE clause inserted behind it, are named as SQLite
     * names them.
     */
    @Test
    void partialIndexWithAnUncomputableWhereIsComparedForTheOtherRows() throws Exception {
        Path db = dir.resolve("partial.db");
        IndexFixtures.build(db, MIXED_TABLE, MIXED_ROWS,
                "CREATE INDEX i ON t(name) WHERE CASE WHEN id % 40 = 0 THEN printf('%.1f', x) > '50'"
                        + " ELSE id % 3 = 0 END");
        assertThat(IndexFixtures.check(db).findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.NOT_CHECKED);
            assertThat(f.message()).contains("whether 10 rows of t need an entry could not be computed (WHERE ",
                    "3 have one, holding the key its row implies");
        });
        // of those rows 160, 200 and 240 have entries (their WHERE text comparison: '59.2' > '50' ...); 200 and 6
        // deleted leave entries no row has, 999 inserted has no entry, 1000 needs none ('1.0' > '50' is false)
        IndexFixtures.staleIndex(db, "i", "DELETE FROM t WHERE id IN (200, 6, 80)",
                "INSERT INTO t VALUES (999, 'in', 1.0), (1000, 'maybe', 1.0)",
                "UPDATE t SET name = 'renamed' WHERE id IN (3, 4)");
        CheckReport r = assertSameAsSqlite(db);
        assertThat(codes(r)).contains(FindingCode.INDEX_ENTRY_MISSING, FindingCode.INDEX_ENTRY_EXTRA);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.message()).contains("no row has rowid 200"));
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.message()).contains("(rowid 999) has no entry"));
    }

    /** Past UncertainRows.CAP such rows the index is not compared, only counted, as it was before. */
    @Test
    void tooManyRowsWithoutAComputableKeyLeaveTheIndexCountedOnly() throws Exception {
        Path db = dir.resolve("many.db");
        int rows = UncertainRows.CAP + 10;
        IndexFixtures.build(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, x REAL)",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < " + rows + ")"
                        + " INSERT INTO t SELECT i, i * 0.5 FROM s",
                "CREATE INDEX i ON t(printf('%.1f', x))");
        assertThat(IndexFixtures.check(db).findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.NOT_CHECKED);
            assertThat(f.message()).contains("not compared", "more than " + UncertainRows.CAP + " rows",
                    "only its entry count was checked");
        });
        IndexFixtures.staleIndex(db, "i", "DELETE FROM t WHERE id = 5");
        CheckReport r = assertSameAsSqlite(db);
        assertThat(codes(r)).containsExactlyInAnyOrder(FindingCode.NOT_CHECKED, FindingCode.INDEX_ENTRY_COUNT);
    }

    /** Dates of which three lie past their month's end: SQLite 3.40 keys them as written, 3.54 normalised. */
    static final String DAY_ROWS = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 300)"
            + " INSERT INTO e SELECT i, CASE i WHEN 7 THEN '2023-02-31' WHEN 70 THEN '2024-04-31 10:00'"
            + " WHEN 140 THEN '2022-06-31' ELSE date(2459000 + i * 3) END, 0 FROM s";
    /**
     * Times of which three have hour 24: SQLite 3.40 keys them by the day as written, 3.54 by the next day (24:00) or
     * NULL (24:30, which 3.54 does not take).
     */
    static final String HOUR24_ROWS = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 300)"
            + " INSERT INTO e SELECT i, CASE i WHEN 7 THEN '2023-05-01 24:00' WHEN 70 THEN '2024-04-30 24:00:00'"
            + " WHEN 140 THEN '2022-06-15 24:30' ELSE date(2459000 + i * 3) END, 0 FROM s";

    /**
     * An index on date(at) built by SQLite 3.54: its entries for the three rows hold the keys 3.54 computes
     * (normalised dates; NULL for 24:30, which it does not take), which SQLite 3.40 does not compute, and its
     * integrity_check names the rows missing; Loupe names the same rows, as version-dependent keys, with 3.40's
     * lines.
     */
    @ParameterizedTest
    @ValueSource(strings = {DAY_ROWS, HOUR24_ROWS})
    void dateKeyOfALaterVersionIsNamedWithSqlite340sLine(String rows) throws Exception {
        Path db = dir.resolve("days354.db");
        IndexFixtures.build(db, EVENT_TABLE, rows, "CREATE INDEX i ON e(date(at))");
        CheckReport r = assertSameAsSqlite(db);
        assertThat(Sqlite340.integrityCheck(db, dir.resolve("s340"))).hasSize(3);
        assertThat(r.findings()).hasSize(3).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.INDEX_KEY_VERSION);
            assertThat(f.message()).contains("holds the key SQLite 3.54 computes");
        });
        assertThat(IndexFixtures.integrityCheck354(db, dir.resolve("s354"))).containsExactly("ok");
    }

    /**
     * The same index built by SQLite 3.40 (the sqlite3 CLI): 3.40 says ok, 3.54 names the three rows missing, and
     * Loupe names those rows (by the same scan positions) as holding 3.40's keys.
     */
    @ParameterizedTest
    @ValueSource(strings = {DAY_ROWS, HOUR24_ROWS})
    void dateKeyOfSqlite340IsNamedAsSqlite354NamesIt(String rows) throws Exception {
        Path db = dir.resolve("days340.db");
        Process p = new ProcessBuilder("sqlite3", db.toString(), EVENT_TABLE + ";" + rows + ";"
                + "CREATE INDEX i ON e(date(at));").redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(p.waitFor()).isZero();
        CheckReport r = IndexFixtures.check(db);
        assertThat(Sqlite340.integrityCheck(db, dir.resolve("s340"))).containsExactly("ok");
        List<String> s354 = IndexFixtures.integrityCheck354(db, dir.resolve("s354"));
        assertThat(s354).hasSize(3);
        assertThat(r.findings()).hasSize(3);
        for (String line : s354) {
            Matcher m = Pattern.compile("row (\\d+) missing from index i").matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            assertThat(r.findings()).anySatisfy(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.INDEX_KEY_VERSION);
                assertThat(f.message()).startsWith("the key of row " + m.group(1) + " of e ")
                        .contains("holds the key SQLite 3.40 computes");
                assertThat(f.sqlite()).isNull();
            });
        }
    }

    /**
     * A stale entry of such a row (the row's date changed behind the index) holds neither version's key: SQLite (any
     * version) names the row missing, and so does Loupe, with the entry left matching no row.
     */
    @Test
    void staleDateKeyOfEitherVersionIsMissing() throws Exception {
        Path db = dir.resolve("days-stale.db");
        IndexFixtures.build(db, EVENT_TABLE, DAY_ROWS, "CREATE INDEX i ON e(date(at))");
        IndexFixtures.staleIndex(db, "i", "UPDATE e SET at = '2023-04-31' WHERE id = 7");
        CheckReport r = assertSameAsSqlite(db);
        assertThat(codes(r)).contains(FindingCode.INDEX_ENTRY_MISSING, FindingCode.INDEX_ENTRY_EXTRA,
                FindingCode.INDEX_KEY_VERSION);
        assertThat(IndexFixtures.integrityCheck354(db, dir.resolve("s354"))).containsExactly(
                "row 7 missing from index i");
    }

    /**
     * Index i of an intact file gives no finding; made stale by {@code edits} (SQLite not seeing the index), every
     * row and entry it lost or gained is named as SQLite names it, and nothing is left not checked.
     */
    private void assertStaleNamedLikeSqlite(Path db, String... edits) throws Exception {
        assertThat(IndexFixtures.check(db).findings()).as("intact").isEmpty();
        IndexFixtures.staleIndex(db, "i", edits);
        CheckReport r = assertSameAsSqlite(db);
        assertThat(codes(r)).contains(FindingCode.INDEX_ENTRY_MISSING, FindingCode.INDEX_ENTRY_EXTRA);
        assertThat(r.findings()).noneMatch(f -> f.code() == FindingCode.NOT_CHECKED);
    }

    /**
     * Every index line SQLite 3.40 prints, Loupe prints as a finding's sqlite text (and no other), and every
     * "values differ" row of 3.54 is an INDEX_ENTRY_DIFFERS finding for the same row and index.
     */
    private CheckReport assertSameAsSqlite(Path db) throws Exception {
        CheckReport r = IndexFixtures.check(db);
        List<String> s340 = matching(Sqlite340.integrityCheck(db, dir.resolve("s340")), INDEX_LINE);
        List<String> s354 = IndexFixtures.integrityCheck354(db, dir.resolve("s354"));
        Set<String> loupe = new TreeSet<>();
        for (Finding f : indexFindings(r)) {
            if (f.sqlite() != null) {
                loupe.add(f.sqlite());
            }
        }
        assertThat(loupe).as("index lines of sqlite3 3.40 vs Loupe; findings %s", r.findings())
                .isEqualTo(new TreeSet<>(s340));
        assertThat(loupe).as("3.54 index lines").containsAll(matching(s354, INDEX_LINE));
        List<String> loupeInOrder = indexFindings(r).stream().map(Finding::sqlite).filter(l -> l != null).toList();
        assertThat(missingByIndex(loupeInOrder)).as("the rows each index lacks, in the order sqlite3 3.40 prints them")
                .isEqualTo(missingByIndex(s340));
        for (String line : s354) {
            Matcher m = DIFFERS_LINE.matcher(line);
            if (m.matches()) {
                assertThat(indexFindings(r)).anySatisfy(f -> {
                    assertThat(f.code()).isEqualTo(FindingCode.INDEX_ENTRY_DIFFERS);
                    assertThat(f.object()).isEqualTo(m.group(2));
                    assertThat(f.message()).startsWith("row " + m.group(1) + " of ");
                });
            }
        }
        long differs = indexFindings(r).stream().filter(f -> f.code() == FindingCode.INDEX_ENTRY_DIFFERS).count();
        assertThat(differs).isEqualTo(s354.stream().filter(l -> DIFFERS_LINE.matcher(l).matches()).count());
        return r;
    }

    private static List<String> matching(List<String> lines, Pattern p) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (p.matcher(l).matches()) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The "row N missing from index I" lines by index, each index's in the order given: SQLite prints them row by
     * row, each row's indexes in turn, and Loupe index by index, each index's rows in turn.
     */
    private static Map<String, List<String>> missingByIndex(List<String> lines) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String l : lines) {
            Matcher m = MISSING_LINE.matcher(l);
            if (m.matches()) {
                out.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(l);
            }
        }
        return out;
    }

    private static List<Finding> indexFindings(CheckReport r) {
        return r.findings().stream().filter(f -> INDEX_CODES.contains(f.code())).toList();
    }

    private static List<FindingCode> codes(CheckReport r) {
        return r.findings().stream().map(Finding::code).filter(c -> c != FindingCode.INDEX_KEY_ORDER).distinct()
                .toList();
    }
}
