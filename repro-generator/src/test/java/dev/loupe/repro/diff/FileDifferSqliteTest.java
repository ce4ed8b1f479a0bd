package dev.loupe.repro.diff;

import dev.loupe.format.Database;
import dev.loupe.samples.Samples;
import dev.loupe.samples.corrupt.Corruption;
import dev.loupe.samples.corrupt.Corruptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff on files real SQLite wrote: the same SQL under another page size, with and without VACUUM, or with rows
 * inserted in another order gives only benign differences and the same rows as SQLite counts them; a record
 * re-encoded with a wider integer (SQLite still returns the same row) or with another value is incompatible; a
 * damaged copy differs by the checker's finding, which SQLite's integrity_check also flags.
 */
class FileDifferSqliteTest {

    @TempDir
    Path dir;

    /** Tables of every kind: rowid with an INTEGER PRIMARY KEY, overflow and a NOCASE/DESC index, WITHOUT ROWID,
     * a plain rowid table; rows inserted ascending or descending, a third deleted (free space, freelist). */
    static List<String> content(boolean descending) {
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT, r REAL, c BLOB)");
        s.add("CREATE INDEX t_b ON t(b COLLATE NOCASE, a DESC)");
        s.add("CREATE TABLE w(k TEXT PRIMARY KEY, v INT) WITHOUT ROWID");
        s.add("CREATE TABLE plain(x, y)");
        for (int n = 1; n <= 400; n++) {
            int i = descending ? 401 - n : n;
            String b = i % 50 == 0 ? "x".repeat(3000) + i : "Name" + i;
            s.add("INSERT INTO t VALUES(" + i + ", " + (i * 7 % 1000) + ", '" + b + "', " + (i % 4 == 0 ? i + ".0"
                    : i + ".25") + ", x'" + "ab".repeat(i % 7) + "')");
            if (i <= 200) {
                s.add("INSERT INTO w VALUES('key" + i + "', " + i + ")");
            }
            if (i <= 100) {
                s.add("INSERT INTO plain(rowid, x, y) VALUES(" + i + ", " + i + ", 'y" + i + "')");
            }
        }
        s.add("DELETE FROM t WHERE id % 3 = 0");
        return s;
    }

    private static List<String> with(List<String> first, List<String> statements, List<String> last) {
        List<String> all = new ArrayList<>(first);
        all.addAll(statements);
        all.addAll(last);
        return all;
    }

    static FileDiff diff(Path a, Path b) throws Exception {
        try (Database da = Database.open(a); Database db = Database.open(b)) {
            return new FileDiffer(DiffOptions.defaults().withCheckThreads(1)).diff(da, db);
        }
    }

    private static String listing(FileDiff d) {
        return d.summary() + "\n" + d.listed().stream().map(x -> x.diffClass().label() + " " + x.kind().id() + " "
                + x.object() + " " + x.key() + " " + x.field() + ": " + x.message() + " [" + x.a() + "] vs ["
                + x.b() + "]").collect(Collectors.joining("\n"));
    }

    /** Only benign differences, and each table's and index's entries are the rows SQLite counts in each file. */
    private static void assertSameContent(Path a, Path b, FileDiff d) throws Exception {
        assertThat(d.incompatibleCount()).as(listing(d)).isZero();
        assertThat(d.benignCount()).as(listing(d)).isPositive();
        for (String table : List.of("t", "w", "plain")) {
            ObjectComparison o = d.object(table).orElseThrow();
            assertThat(o.entriesA()).as(table).isEqualTo(SqliteFiles.count(a, "SELECT count(*) FROM " + table));
            assertThat(o.entriesB()).as(table).isEqualTo(SqliteFiles.count(b, "SELECT count(*) FROM " + table));
            assertThat(o.same()).as(table).isEqualTo(o.entriesA()).isEqualTo(o.entriesB());
        }
        ObjectComparison index = d.object("t_b").orElseThrow();
        assertThat(index.same()).isEqualTo(SqliteFiles.count(a, "SELECT count(*) FROM t"));
        assertThat(SqliteFiles.rows(a, "SELECT * FROM t ORDER BY id")).isEqualTo(
                SqliteFiles.rows(b, "SELECT * FROM t ORDER BY id"));
    }

    @Test
    void anotherPageSizeIsBenignWithTheSameRows() throws Exception {
        Path a = SqliteFiles.write(dir.resolve("a.db"), content(false));
        Path b = SqliteFiles.write(dir.resolve("b.db"), with(List.of("PRAGMA page_size=1024"), content(false),
                List.of()));
        FileDiff d = diff(a, b);
        assertSameContent(a, b, d);
        assertThat(d.listed()).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo(DiffKind.HEADER);
            assertThat(x.field()).isEqualTo("pageSize");
            assertThat(x.diffClass()).isEqualTo(DiffClass.BENIGN);
            assertThat(x.a()).startsWith("4096");
            assertThat(x.b()).startsWith("1024");
        });
        assertThat(d.listed()).extracting(Difference::kind).contains(DiffKind.TREE_SHAPE);
    }

    @Test
    void vacuumIsBenignWithTheSameRows() throws Exception {
        Path a = SqliteFiles.write(dir.resolve("a.db"), content(false));
        Path b = SqliteFiles.write(dir.resolve("b.db"), with(List.of(), content(false), List.of("VACUUM")));
        assertThat(SqliteFiles.count(a, "PRAGMA freelist_count")).isPositive();
        assertThat(SqliteFiles.count(b, "PRAGMA freelist_count")).isZero();
        FileDiff d = diff(a, b);
        assertSameContent(a, b, d);
        assertThat(d.listed()).extracting(Difference::kind).contains(DiffKind.FREELIST, DiffKind.PAGE_PLACEMENT);
        assertThat(d.listed()).filteredOn(x -> x.kind() == DiffKind.HEADER).extracting(Difference::field)
                .contains("freelistPageCount", "databaseSizeInPages");
    }

    @Test
    void anotherInsertOrderIsBenignWithTheSameRows() throws Exception {
        Path a = SqliteFiles.write(dir.resolve("a.db"), content(false));
        Path b = SqliteFiles.write(dir.resolve("b.db"), content(true));
        FileDiff d = diff(a, b);
        assertSameContent(a, b, d);
    }

    @Test
    void aCopyHasNoDifferenceAtAll() throws Exception {
        Path a = SqliteFiles.write(dir.resolve("a.db"), content(false));
        Path b = Files.copy(a, dir.resolve("b.db"));
        FileDiff d = diff(a, b);
        assertThat(d.total()).as(listing(d)).isZero();
        assertThat(d.object("t").orElseThrow().same()).isEqualTo(SqliteFiles.count(a, "SELECT count(*) FROM t"));
    }

    private Path smallTable() throws Exception {
        return SqliteFiles.write(dir.resolve("a.db"), List.of("PRAGMA page_size=4096",
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)",
                "INSERT INTO t VALUES(1, 5, 'one'), (2, 100, 'two'), (3, 7, 'three')"));
    }

    @Test
    void aWiderIntegerWithTheSameValueIsAnEncodingDifference() throws Exception {
        Path a = smallTable();
        byte[] image = Files.readAllBytes(a);
        // table t is rooted at page 2, a leaf; row 2's a = 100 is stored as serial type 1 (one byte)
        Path b = Files.write(dir.resolve("b.db"), RecordPatch.widenInteger(image, 4096, 2, 2, 1, 6));
        assertThat(SqliteFiles.integrityCheck(b)).isEqualTo("ok");
        assertThat(SqliteFiles.rows(b, "SELECT *, typeof(a) FROM t ORDER BY id"))
                .as("SQLite returns the same rows from both files")
                .isEqualTo(SqliteFiles.rows(a, "SELECT *, typeof(a) FROM t ORDER BY id"));

        FileDiff d = diff(a, b);
        assertThat(d.incompatibleCount()).as(listing(d)).isEqualTo(1);
        Difference x = d.firstIncompatibleDifference().orElseThrow();
        assertThat(x.kind()).isEqualTo(DiffKind.ENCODING);
        assertThat(x.object()).isEqualTo("t");
        assertThat(x.key()).isEqualTo("rowid 2");
        assertThat(x.field()).isEqualTo("column a");
        assertThat(x.a()).isEqualTo("int8 (serial type 1) 64 = 100");
        assertThat(x.b()).isEqualTo("int64 (serial type 6) 00 00 00 00 00 00 00 64 = 100");
        assertThat(x.pageA()).isEqualTo(2);
        assertThat(x.pageB()).isEqualTo(2);
        assertThat(Files.readAllBytes(b)[(int) (x.pageB() - 1) * 4096 + (int) x.offsetB() + 7]).isEqualTo((byte) 100);
        assertThat(d.object("t").orElseThrow().changed()).isEqualTo(1);
        assertThat(d.listed()).filteredOn(y -> !y.incompatible()).extracting(Difference::kind)
                .containsOnly(DiffKind.CELL_PLACEMENT);
    }

    @Test
    void anotherValueIsAValueDifference() throws Exception {
        Path a = smallTable();
        Path b = Files.write(dir.resolve("b.db"), RecordPatch.changeInt8(Files.readAllBytes(a), 4096, 2, 3, 1, 8));
        assertThat(SqliteFiles.integrityCheck(b)).isEqualTo("ok");
        assertThat(SqliteFiles.rows(b, "SELECT a FROM t WHERE id = 3")).containsExactly("Integer:8");
        assertThat(SqliteFiles.rows(a, "SELECT a FROM t WHERE id = 3")).containsExactly("Integer:7");

        FileDiff d = diff(a, b);
        assertThat(d.total()).as(listing(d)).isEqualTo(1);
        Difference x = d.listed().get(0);
        assertThat(x.diffClass()).isEqualTo(DiffClass.INCOMPATIBLE);
        assertThat(x.kind()).isEqualTo(DiffKind.VALUE);
        assertThat(x.key()).isEqualTo("rowid 3");
        assertThat(x.a()).isEqualTo("int8 (serial type 1) 07 = 7");
        assertThat(x.b()).isEqualTo("int8 (serial type 1) 08 = 8");
    }

    @Test
    void rowsInOneFileOnlyAreIncompatible() throws Exception {
        Path a = smallTable();
        Path b = SqliteFiles.write(dir.resolve("b.db"), List.of(
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)",
                "INSERT INTO t VALUES(1, 5, 'one'), (3, 7, 'three'), (4, 9, 'four')"));
        FileDiff d = diff(a, b);
        assertThat(d.listed()).filteredOn(Difference::incompatible).extracting(Difference::kind, Difference::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DiffKind.ONLY_IN_A, "rowid 2"),
                        org.assertj.core.groups.Tuple.tuple(DiffKind.ONLY_IN_B, "rowid 4"));
        ObjectComparison t = d.object("t").orElseThrow();
        assertThat(t.entriesA()).isEqualTo(SqliteFiles.count(a, "SELECT count(*) FROM t"));
        assertThat(t.entriesB()).isEqualTo(SqliteFiles.count(b, "SELECT count(*) FROM t"));
        assertThat(t.same()).isEqualTo(2);
    }

    @Test
    void aDamagedCopyDiffersByTheCheckersFinding() throws Exception {
        Corruption c = Corruptions.named("cells-overlap");
        Path a = Files.write(dir.resolve("intact.db"), Samples.bytes(c.base()));
        Path b = Files.write(dir.resolve("damaged.db"), c.image().db());
        assertThat(SqliteFiles.integrityCheck(a)).isEqualTo("ok");
        assertThat(SqliteFiles.integrityCheck(b)).as("SQLite flags the damaged copy").isNotEqualTo("ok");

        FileDiff d = diff(a, b);
        assertThat(d.listed()).filteredOn(x -> x.kind() == DiffKind.FINDING).isNotEmpty().allSatisfy(x -> {
            assertThat(x.diffClass()).isEqualTo(DiffClass.INCOMPATIBLE);
            assertThat(x.a()).isEmpty();
            assertThat(x.pageB()).isPositive();
        }).extracting(Difference::field).contains(c.expectedCodes().get(0));
        assertThat(d.hasIncompatible()).isTrue();
    }

    @Test
    void anEmptyFileAgainstATableDiffersByTheSchema() throws Exception {
        Path a = Files.write(dir.resolve("empty.db"), new byte[0]);
        Path b = smallTable();
        assertThat(SqliteFiles.rows(a, "SELECT count(*) FROM sqlite_schema")).containsExactly("Integer:0");
        FileDiff d = diff(a, b);
        assertThat(d.listed()).filteredOn(Difference::incompatible).extracting(Difference::kind, Difference::object)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DiffKind.SCHEMA_OBJECT, "t"));
        assertThat(d.listed()).filteredOn(x -> !x.incompatible()).extracting(Difference::kind)
                .containsExactly(DiffKind.HEADER);
    }
}
