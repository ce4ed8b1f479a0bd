package dev.loupe.check.index;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.values.ValueChecks;
import dev.loupe.format.OpenOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stale indexes made at random (rows changed, deleted and added while SQLite did not see the index), on tables with
 * rows deleted here and there, three-level trees on some of them, and indexes over several columns, NOCASE, DESC, a
 * WHERE clause and an expression: the exact pass that finds the differing rows by the rowids the digests give
 * ({@link LoneDifferences}) names exactly what the one that scans the table names, and what looking up every row and
 * entry names; and the rows it names missing from an index are those SQLite (sqlite-jdbc) names, at the same scan
 * positions.
 */
class LoneDifferencesTest {

    private static final long SEED = 4_242;
    private static final int FILES = 40;
    private static final String[] INDEXES = {"ta", "tba", "tc", "tp", "te"};

    @TempDir
    Path dir;

    private final LongAdder located = new LongAdder();
    private final Checker locating = checker(true, RowResidues.CAP, true, located);
    private final Checker scanning = checker(true, RowResidues.CAP, false, null);
    private final Checker every = checker(false, 0, false, null);

    private static Checker checker(boolean narrow, int hold, boolean locate, LongAdder located) {
        return checker(narrow, hold, locate, located, CheckOptions.defaults().maxFindings());
    }

    private static Checker checker(boolean narrow, int hold, boolean locate, LongAdder located, int limit) {
        return new Checker(CheckOptions.defaults().withThreads(1).withMaxFindings(limit),
                List.of(new ValueChecks(), new IndexChecks(new ExactPass(narrow, hold, locate, true, null, located))));
    }

    @Test
    void randomStaleIndexesAreNamedAsScanningAndSqliteNameThem() throws Exception {
        Random rnd = new Random(SEED);
        int missing = 0;
        for (int k = 0; k < FILES; k++) {
            Path db = dir.resolve("stale-" + k + ".db");
            int rows = 2_000 + rnd.nextInt(8_000);
            table(db, k % 3 == 0 ? 512 : 4096, rows, rnd);
            String index = INDEXES[rnd.nextInt(INDEXES.length)];
            IndexFixtures.staleIndex(db, index, changes(rnd, rows));
            String what = "file " + k + ", index " + index;

            CheckReport expected = every.check(db, OpenOptions.defaults());
            assertThat(locating.check(db, OpenOptions.defaults()).findings()).as(what).isEqualTo(expected.findings());
            assertThat(scanning.check(db, OpenOptions.defaults()).findings()).as(what).isEqualTo(expected.findings());
            // with few findings allowed, the limit falls inside the exact pass's rows or entries
            int limit = 1 + k % 4;
            CheckReport few = checker(false, 0, false, null, limit).check(db, OpenOptions.defaults());
            CheckReport fewLocated = checker(true, RowResidues.CAP, true, null, limit).check(db, OpenOptions.defaults());
            assertThat(fewLocated.findings()).as(what + ", limit " + limit).isEqualTo(few.findings());
            assertThat(fewLocated.dropped()).as(what + ", limit " + limit).isEqualTo(few.dropped());

            TreeSet<String> ours = IndexFixtures.missingRows(expected);
            assertThat(ours).as(what).isEqualTo(IndexFixtures.sqliteMissingRows(db, dir.resolve("jdbc")));
            missing += ours.size();
        }
        assertThat(missing).as("rows named missing from an index").isGreaterThan(FILES / 2);
        // most stale indexes differ by a few rows, each alone in its bucket: found by rowid, not by a scan of t
        assertThat(located.sum()).as("indexes whose rows were found by rowid").isGreaterThanOrEqualTo(FILES / 2);
    }

    /** Rows of t(id, a, b, c) with some deleted, and the five indexes; {@code pageSize} 512 gives three levels. */
    private static void table(Path db, int pageSize, int rows, Random rnd) throws Exception {
        IndexFixtures.build(db, "PRAGMA page_size = " + pageSize,
                "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INT, c REAL)",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < " + rows + ")"
                        + " INSERT INTO t SELECT i, 'Name ' || (i * 7919 % 20011), i % 97, i * 0.25 FROM s",
                "DELETE FROM t WHERE id % " + (5 + rnd.nextInt(20)) + " = 1",
                "CREATE INDEX ta ON t(a)",
                "CREATE INDEX tba ON t(b, a COLLATE NOCASE)",
                "CREATE INDEX tc ON t(c DESC)",
                "CREATE INDEX tp ON t(a) WHERE b > 50",
                "CREATE INDEX te ON t(lower(a))");
    }

    /** Two to seven changes to t: a value changed, a row deleted, a row added. */
    private static String[] changes(Random rnd, int rows) {
        List<String> out = new ArrayList<>();
        int n = 2 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            int id = 2 + rnd.nextInt(rows - 2);
            switch (rnd.nextInt(5)) {
                case 0 -> out.add("UPDATE t SET a = 'changed " + i + "' WHERE id = " + id);
                case 1 -> out.add("UPDATE t SET b = b + 1 WHERE id = " + id);
                case 2 -> out.add("UPDATE t SET c = -c WHERE id = " + id);
                case 3 -> out.add("DELETE FROM t WHERE id = " + id);
                default -> out.add("INSERT INTO t VALUES (" + (rows + 1 + i) + ", 'new " + i + "', " + (40 + i * 7)
                        + ", " + i + ".5)");
            }
        }
        return out.toArray(new String[0]);
    }
}
