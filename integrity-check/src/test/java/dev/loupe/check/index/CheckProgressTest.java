package dev.loupe.check.index;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.FindingCode;
import dev.loupe.check.values.ValueChecks;
import dev.loupe.format.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a deep check tells its progress: the pages of the record pass, then those the structural pass reads (the
 * leaves the record pass summarised are not read again, and not counted twice), then those of the exact pass's
 * rescans of a table and an index, by which the total grows when that pass starts.
 */
class CheckProgressTest {

    @TempDir
    Path dir;

    /** The exact pass always scanning: it does not take the rows by which the digests differ from the digests. */
    private final Checker checker = new Checker(CheckOptions.defaults().withThreads(1),
            List.of(new ValueChecks(), new IndexChecks(new ExactPass(true, RowResidues.CAP, false, true, null, null))));
    private final Checker locating = Checker.standard(CheckOptions.defaults().withThreads(1));

    @Test
    void anIntactFileCountsItsSummarisedLeavesOnce() throws Exception {
        Path db = table(dir.resolve("intact.db"));
        Run run = check(db, false);
        // every tree page once in the record pass, then the structural pass's reads: far fewer than the file again
        assertThat(run.total()).isBetween(run.pageCount, run.pageCount + run.pageCount / 4);
        assertThat(run.done()).isEqualTo(run.total());
    }

    @Test
    void theExactPassAddsItsPagesToTheTotal() throws Exception {
        Path intact = table(dir.resolve("intact.db"));
        Path stale = table(dir.resolve("stale.db"));
        IndexFixtures.staleIndex(stale, "ta", "UPDATE t SET a = 'changed' WHERE id = 17");

        Run plain = check(intact, false);
        Run damaged = check(stale, true);
        assertThat(damaged.done()).isEqualTo(damaged.total());
        // the rescans of t and of ta: more than a few pages, fewer than the whole file
        assertThat(damaged.total() - plain.total()).isBetween(20L, plain.pageCount);
    }

    @Test
    void aStaleIndexWhoseChangedRowTheDigestsNameHasOnlyTheIndexScannedAgain() throws Exception {
        Path intact = table(dir.resolve("intact.db"));
        Path stale = table(dir.resolve("stale.db"));
        IndexFixtures.staleIndex(stale, "ta", "UPDATE t SET a = 'changed' WHERE id = 17");

        long scanned = check(stale, true).total() - check(intact, false).total();
        Run plain = check(intact, false, locating);
        Run damaged = check(stale, true, locating);
        assertThat(damaged.done()).isEqualTo(damaged.total());
        // the changed row is found by its rowid, which the digests give: only the index is scanned again, not t
        assertThat(damaged.total() - plain.total()).isEqualTo(pagesPerSqlite(stale, "ta"));
        assertThat(scanned).isEqualTo(pagesPerSqlite(stale, "ta") + pagesPerSqlite(stale, "t"));
    }

    @Test
    void rowsAddedWithoutTheirEntriesHaveNeitherTreeScannedAgain() throws Exception {
        Path stale = table(dir.resolve("stale.db"));
        IndexFixtures.staleIndex(stale, "ta", "INSERT INTO t VALUES (30000, 'new')",
                "INSERT INTO t VALUES (20005, 'newer')");

        Run scanned = check(stale, true);
        Run located = check(stale, true, locating);
        assertThat(located.done()).isEqualTo(located.total());
        // the two rows are found by their rowids; no entry differs, so not even the index is scanned
        assertThat(scanned.total() - located.total())
                .isEqualTo(pagesPerSqlite(stale, "ta") + pagesPerSqlite(stale, "t"));
    }

    @Test
    void aDamagedTableThatDiffersFromTwoIndexesIsScannedOnceForBoth() throws Exception {
        Path db = table(dir.resolve("two.db"));
        IndexFixtures.build(db, "CREATE INDEX tad ON t(a DESC, id)");
        long leaf;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pageno FROM dbstat WHERE name = 't' AND pagetype = 'leaf'"
                     + " ORDER BY pageno LIMIT 1 OFFSET 20")) {
            leaf = rs.getLong(1);
        }
        // the leaf's first cell pointer moved 3 bytes on: its row is garbage, missing from both indexes, and the
        // damage in t's tree puts some entries' lookups in doubt; neither index's rows can be found by rowid
        byte[] b = Files.readAllBytes(db);
        int at = (int) (leaf - 1) * 4096 + 8;
        int pointer = ((b[at] & 0xff) << 8 | (b[at + 1] & 0xff)) + 3;
        b[at] = (byte) (pointer >> 8);
        b[at + 1] = (byte) pointer;
        Files.write(db, b);

        Checker unshared = new Checker(CheckOptions.defaults().withThreads(1), List.of(new ValueChecks(),
                new IndexChecks(new ExactPass(true, RowResidues.CAP, true, false, null, null))));
        Run once = check(db, true, locating);
        Run twice = check(db, true, unshared);
        assertThat(once.done()).isEqualTo(once.total());
        assertThat(twice.total() - once.total()).isEqualTo(pagesPerSqlite(db, "t"));
    }

    /** The pages of one tree, as SQLite's dbstat table counts them. */
    private static long pagesPerSqlite(Path db, String tree) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM dbstat WHERE name = ?")) {
            st.setString(1, tree);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every progress call of a check of {@code db}. */
    private record Run(long pageCount, List<long[]> calls) {
        long done() {
            return calls.get(calls.size() - 1)[0];
        }

        long total() {
            return calls.get(calls.size() - 1)[1];
        }
    }

    /** Checks {@code db}, whose report must name a missing index entry when {@code damaged}. */
    private Run check(Path db, boolean damaged) throws Exception {
        return check(db, damaged, checker);
    }

    private Run check(Path db, boolean damaged, Checker checker) throws Exception {
        List<long[]> calls = new ArrayList<>();
        CheckReport r;
        long pages;
        try (Database d = Database.open(db)) {
            pages = d.pages().pageCount();
            r = checker.check(d, (done, total) -> calls.add(new long[] {done, total}));
        }
        assertThat(r.findings().stream().anyMatch(f -> f.code() == FindingCode.INDEX_ENTRY_MISSING))
                .isEqualTo(damaged);
        assertThat(calls).isNotEmpty();
        for (long[] c : calls) {
            assertThat(c[0]).isLessThanOrEqualTo(c[1]);
        }
        return new Run(pages, calls);
    }

    /** 20,000 rows of t(id, a) with the index ta on a. */
    private static Path table(Path db) throws Exception {
        IndexFixtures.build(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)",
                "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 20000)"
                        + " INSERT INTO t SELECT i, 'name ' || (i * 7919 % 20011) FROM s",
                "CREATE INDEX ta ON t(a)");
        return db;
    }
}
