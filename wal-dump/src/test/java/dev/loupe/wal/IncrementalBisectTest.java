package dev.loupe.wal;

import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.format.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental strategy gives, at every commit, exactly the report of a full check of that commit (same
 * findings in the same order, same verdict), not only the same first bad commit: on BisectTest's generated WAL
 * (inserts with overflow and page splits, updates, deletes, new tables and indexes, a dropped table) and on each of
 * its damaged variants, whose damage stays in every later commit. BisectTest checks the first bad commit against
 * SQLite's integrity_check.
 */
class IncrementalBisectTest {

    @TempDir
    static Path dir;

    static WalFixtures.Pair pair;

    @BeforeAll
    static void build() throws Exception {
        pair = WalFixtures.build(dir, 30, 11);
    }

    @Test
    void everyCommitOfTheCleanWal() throws Exception {
        assertEveryCommitEqualsFullCheck(pair.db());
    }

    @Test
    void everyCommitOfTheDamagedWals() throws Exception {
        for (BisectTest.Damage d : BisectTest.Damage.values()) {
            assertEveryCommitEqualsFullCheck(BisectTest.damaged(dir, pair, d).db());
        }
    }

    private static void assertEveryCommitEqualsFullCheck(Path db) throws Exception {
        BisectOptions options = BisectOptions.defaults();
        Checker full = Checker.standard(options.check());
        List<String> differ = new ArrayList<>();
        long[] reused = new long[2];
        try (WalPair wal = WalPair.open(db, null)) {
            WalBisect.eachCommit(wal, options, Progress.NONE, (k, image, report, tables) -> {
                CheckReport expected = full.check(image);
                if (!expected.findings().equals(report.findings()) || expected.verdict() != report.verdict()) {
                    differ.add("commit " + k + ":\n  full        " + expected.findings() + "\n  incremental "
                            + report.findings());
                }
                reused[0] += tables;
                reused[1] += image.schema().tables().size();
                return false;
            });
            assertThat(differ).as(db.toString()).isEmpty();
            assertThat(reused[0]).as("tables re-checked").isLessThan(reused[1]);
        }
    }
}
