package dev.loupe.check.index;

import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.FindingCode;
import dev.loupe.check.values.ValueChecks;
import dev.loupe.format.Database;
import dev.loupe.format.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact pass scans the table and the index again after the walks: its pages count into the progress, whose
 * total grows by them, so that the progress line moves instead of standing still while it works.
 */
class ExactPassProgressTest {

    @TempDir
    Path dir;

    private final Checker checker = new Checker(CheckOptions.defaults().withThreads(1),
            List.of(new ValueChecks(), new IndexChecks(true, null)));

    @Test
    void theExactPassAddsItsPagesToTheTotal() throws Exception {
        Path intact = table(dir.resolve("intact.db"));
        Path stale = table(dir.resolve("stale.db"));
        IndexFixtures.staleIndex(stale, "ta", "UPDATE t SET a = 'changed' WHERE id = 17");

        List<long[]> plain = progress(intact, false);
        List<long[]> damaged = progress(stale, true);
        long pages = plain.get(plain.size() - 1)[1];
        long[] last = damaged.get(damaged.size() - 1);
        // the walks and the structural pass: two passes over the file, unchanged on the intact copy
        assertThat(last[0]).isEqualTo(last[1]);
        // the rescans of t and of ta: more than the index's pages, fewer than the file's
        assertThat(last[1] - pages).isBetween(20L, pages / 2);
        for (long[] p : damaged) {
            assertThat(p[0]).isLessThanOrEqualTo(p[1]);
        }
    }

    /** Every progress call of a check of {@code db}, whose report must name a missing entry when {@code damaged}. */
    private List<long[]> progress(Path db, boolean damaged) throws Exception {
        List<long[]> calls = new ArrayList<>();
        Progress p = (done, total) -> calls.add(new long[] {done, total});
        CheckReport r;
        try (Database d = Database.open(db)) {
            r = checker.check(d, p);
        }
        assertThat(r.findings().stream().anyMatch(f -> f.code() == FindingCode.INDEX_ENTRY_MISSING))
                .isEqualTo(damaged);
        assertThat(calls).isNotEmpty();
        return calls;
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
