package dev.loupe.check.index;

import dev.loupe.format.Database;
import dev.loupe.format.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RowidRanges} reads a table's largest rowid down its right-most path: held to SQLite's {@code max(rowid)}
 * on trees of one to three levels, after deletes at the end, with negative and very large rowids; the ranges it
 * makes spread the rows over all of them; damaged paths give one range, never an exception.
 */
class RowidRangesTest {

    @TempDir
    Path dir;

    @Test
    void theLargestRowidIsSqlitesMaxRowid() throws Exception {
        String[][] tables = {
                {"one row", "INSERT INTO t VALUES (42, 'a')"},
                {"one leaf", insert(100)},
                {"three levels", insert(20_000)},
                {"three levels, the last rows deleted", insert(20_000), "DELETE FROM t WHERE id > 19000"},
                {"rows deleted here and there", insert(20_000), "DELETE FROM t WHERE id % 7 = 3 OR id > 19_990"},
                {"negative rowids", "INSERT INTO t VALUES (-1, 'x'), (-5, 'y')"},
                {"very large rowids", insert(3_000), "INSERT INTO t VALUES (4611686018427387904, 'big')"},
                {"the largest rowid", insert(10), "INSERT INTO t VALUES (9223372036854775807, 'max')"},
        };
        int n = 0;
        for (String[] t : tables) {
            Path db = dir.resolve("t" + n++ + ".db");
            String[] statements = new String[t.length + 1];
            statements[0] = "PRAGMA page_size = 512";
            statements[1] = "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)";
            System.arraycopy(t, 1, statements, 2, t.length - 1);
            IndexFixtures.build(db, statements);
            long max = sqliteMaxRowid(db);
            try (Database d = Database.open(db)) {
                assertThat(RowidRanges.largestRowid(d.pages(), d.usableSize(), IndexFixtures.rootPage(db, "t")))
                        .as(t[0]).isEqualTo(max);
            }
        }
    }

    @Test
    void anEmptyTableOrAWithoutRowidTableHasOneRange() throws Exception {
        Path db = dir.resolve("empty.db");
        IndexFixtures.build(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)",
                "CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID", "INSERT INTO w VALUES ('a', 1)");
        try (Database d = Database.open(db)) {
            assertThat(RowidRanges.largestRowid(d.pages(), d.usableSize(), IndexFixtures.rootPage(db, "t")))
                    .isEqualTo(-1);
            assertThat(ranges(d, "t")).isEqualTo(RowidRanges.ONE);
            assertThat(ranges(d, "w")).isEqualTo(RowidRanges.ONE);
        }
    }

    @Test
    void theRangesSpreadRowidsUpToTheLargestOverAllOfThem() {
        assertThat(RowidRanges.upTo(1).of(1)).isEqualTo(1);
        for (long max : new long[] {255, 256, 20_000, 10_400_000, Long.MAX_VALUE}) {
            RowidRanges r = RowidRanges.upTo(max);
            assertThat(r.of(0)).isZero();
            assertThat(r.of(max)).as("max %d", max).isBetween(RowidRanges.RANGES / 2 - 1, RowidRanges.RANGES - 1);
            // ranges of equal width, in rowid order
            long width = 1L << r.shift();
            assertThat(r.of(width - 1)).isZero();
            assertThat(r.of(Math.min(width, max))).isEqualTo(width <= max ? 1 : 0);
        }
        assertThat(RowidRanges.upTo(0)).isEqualTo(RowidRanges.ONE);
        assertThat(RowidRanges.upTo(-5)).isEqualTo(RowidRanges.ONE);
        assertThat(RowidRanges.ONE.of(0)).isZero();
        assertThat(RowidRanges.ONE.of(Long.MAX_VALUE)).isZero();
    }

    @Test
    void damagedPathsGiveOneRangeOrAnAnswerButNeverThrow() throws Exception {
        Path db = dir.resolve("t.db");
        IndexFixtures.build(db, "PRAGMA page_size = 512", "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)",
                insert(20_000));
        long root = IndexFixtures.rootPage(db, "t");
        byte[] file = Files.readAllBytes(db);
        // the root's right child pointed back at the root, past the file, at page 0
        int at = (int) (root - 1) * 512 + 8;
        for (long child : new long[] {root, 1_000_000, 0}) {
            byte[] b = file.clone();
            for (int k = 0; k < 4; k++) {
                b[at + k] = (byte) (child >>> (24 - 8 * k));
            }
            try (Database d = Database.fromImage(b, "right child " + child)) {
                assertThat(RowidRanges.largestRowid(d.pages(), d.usableSize(), root)).as("child %d", child)
                        .isEqualTo(-1);
                assertThat(ranges(d, "t")).isEqualTo(RowidRanges.ONE);
            }
        }
        Random rnd = new Random(23);
        int answered = 0;
        for (int k = 0; k < 300; k++) {
            byte[] b = IndexFixtures.changedAtRandom(file, 512, rnd);
            try (Database d = Database.fromImage(b, "random " + k)) {
                if (RowidRanges.largestRowid(d.pages(), d.usableSize(), root) >= 0) {
                    answered++;
                }
            }
        }
        assertThat(answered).as("changes off the right-most path leave the answer").isGreaterThan(200);
    }

    private static RowidRanges ranges(Database d, String table) throws Exception {
        Table t = d.schema().table(table).orElseThrow();
        return RowidRanges.of(d.pages(), d.usableSize(), t);
    }

    private static String insert(int rows) {
        return "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < " + rows + ")"
                + " INSERT INTO t SELECT i, 'name ' || (i * 7919 % 20011) FROM s";
    }

    private static long sqliteMaxRowid(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(rowid) FROM t")) {
            return rs.getLong(1);
        }
    }
}
