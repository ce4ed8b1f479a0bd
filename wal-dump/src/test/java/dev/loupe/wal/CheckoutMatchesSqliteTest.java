package dev.loupe.wal;

import dev.loupe.format.wal.WalCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every commit K of a generated WAL, the checked-out file holds exactly the rows SQLite shows when the WAL is cut
 * after commit K's last frame, opens in SQLite as a rollback-mode file (no WAL created beside it) and passes
 * integrity_check.
 */
class CheckoutMatchesSqliteTest {

    @TempDir
    static Path dir;

    static WalFixtures.Pair pair;

    @BeforeAll
    static void build() throws Exception {
        pair = WalFixtures.build(dir, 24, 7);
    }

    @Test
    void everyCommitMatchesSqliteWithTheWalCutThere() throws Exception {
        byte[] dbBefore = Files.readAllBytes(pair.db());
        byte[] walBefore = Files.readAllBytes(pair.wal());
        try (WalPair wal = WalPair.open(pair.db(), null)) {
            assertThat(wal.commitCount()).isGreaterThanOrEqualTo(20);
            for (int k = 0; k <= wal.commitCount(); k++) {
                int lastFrame = k == 0 ? 0 : wal.commit(k).lastFrame();
                Path expected = WalFixtures.cut(pair, lastFrame, wal.pageSize(), dir);
                Path outDir = Files.createTempDirectory(dir, "out");
                Path out = outDir.resolve("k" + k + ".db");
                CheckoutResult r;
                try (OutputStream o = Files.newOutputStream(out)) {
                    r = Checkout.write(wal, k, o);
                }
                long expectedPages = k == 0 ? wal.fileOnly().pageCount() : wal.commit(k).databaseSize();
                assertThat(r.pageCount()).as("commit %d", k).isEqualTo(expectedPages);
                assertThat(Files.size(out)).isEqualTo(expectedPages * wal.pageSize());

                assertThat(WalFixtures.rows(out)).as("rows at commit %d", k)
                        .containsExactlyElementsOf(WalFixtures.rows(expected));
                assertThat(WalFixtures.integrityCheck(out)).as("commit %d", k).containsExactly("ok");
                try (Connection c = WalFixtures.open(out); Statement s = c.createStatement();
                     ResultSet m = s.executeQuery("PRAGMA journal_mode")) {
                    m.next();
                    assertThat(m.getString(1)).isEqualTo("delete");
                }
                try (Connection c = WalFixtures.open(out); Statement s = c.createStatement();
                     ResultSet m = s.executeQuery("PRAGMA page_count")) {
                    m.next();
                    assertThat(m.getLong(1)).isEqualTo(expectedPages);
                }
                assertThat(outDir.resolve("k" + k + ".db-wal")).doesNotExist();
            }
        }
        assertThat(Files.readAllBytes(pair.db())).isEqualTo(dbBefore);
        assertThat(Files.readAllBytes(pair.wal())).isEqualTo(walBefore);
        assertThat(pair.db().resolveSibling("w.db-shm")).doesNotExist();
    }

    @Test
    void headerOfTheCopyIsThatOfARollbackFile() throws Exception {
        try (WalPair wal = WalPair.open(pair.db(), null)) {
            int k = wal.commitCount() / 2;
            Path out = dir.resolve("half.db");
            try (OutputStream o = Files.newOutputStream(out)) {
                Checkout.write(wal, k, o);
            }
            byte[] b = Files.readAllBytes(out);
            WalCommit c = wal.commit(k);
            assertThat(b[18]).isEqualTo((byte) 1);
            assertThat(b[19]).isEqualTo((byte) 1);
            assertThat(dev.loupe.format.BigEndian.u32(b, 28)).isEqualTo(c.databaseSize());
            assertThat(dev.loupe.format.BigEndian.u32(b, 92)).isEqualTo(dev.loupe.format.BigEndian.u32(b, 24));
            List<String> check = WalFixtures.integrityCheck(out);
            assertThat(check).containsExactly("ok");
        }
    }
}
