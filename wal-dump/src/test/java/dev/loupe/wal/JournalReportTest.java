package dev.loupe.wal;

import dev.loupe.format.journal.JournalFile;
import dev.loupe.format.page.ReadOnlyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hot journal captured in the middle of a transaction that spilled to the database file, judged against SQLite's
 * own rollback of the same pair: SQLite rewrites exactly pages we say are restored.
 */
class JournalReportTest {

    static final int PAGE_SIZE = 4096;

    @TempDir
    Path dir;

    /** Database and journal copied while a spilled transaction is open; returns the copied database. */
    static Path captureHot(Path dir) throws Exception {
        Path work = SqliteOracle.fresh(dir);
        Path db = work.resolve("j.db");
        try (Connection c = SqliteOracle.open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + PAGE_SIZE);
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                    + "INSERT INTO t(a) SELECT printf('%.200c', char(65 + i % 26)) FROM n");
        }
        Path out = SqliteOracle.fresh(dir);
        try (Connection c = SqliteOracle.open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size=8");
            c.setAutoCommit(false);
            s.execute("UPDATE t SET a = upper(a) || 'changed' WHERE id % 2 = 0");
            Files.copy(Path.of(db + "-journal"), out.resolve("j.db-journal"));
            Files.copy(db, out.resolve("j.db"));
            c.rollback();
        }
        return out.resolve("j.db");
    }

    static JournalFile read(Path journal) throws Exception {
        try (ReadOnlyFile f = ReadOnlyFile.open(journal)) {
            return JournalFile.read(f);
        }
    }

    @Test
    void hotJournalRestoresExactlyThePagesSqliteRollsBack() throws Exception {
        Path db = captureHot(dir);
        Path journal = Path.of(db + "-journal");
        JournalReport r = JournalReport.of(read(journal), true);
        assertThat(r.hot()).isTrue();
        assertThat(r.badChecksums()).isZero();
        assertThat(r.restored()).isPositive();
        Set<Long> restored = new HashSet<>();
        r.journal().records().stream().filter(x -> x.wouldRestore()).forEach(x -> restored.add(x.pageNumber()));

        byte[] mid = Files.readAllBytes(db);
        Path work = SqliteOracle.fresh(dir);
        Path d = work.resolve("r.db");
        Files.write(d, mid);
        Files.copy(journal, work.resolve("r.db-journal"));
        try (Connection c = SqliteOracle.open(d); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            assertThat(rs.getLong(1)).isEqualTo(3000);
        }
        byte[] after = Files.readAllBytes(d);
        Set<Long> changed = new HashSet<>();
        for (int p = 0; p < Math.min(mid.length, after.length) / PAGE_SIZE; p++) {
            if (!java.util.Arrays.equals(mid, p * PAGE_SIZE, (p + 1) * PAGE_SIZE, after, p * PAGE_SIZE,
                    (p + 1) * PAGE_SIZE)) {
                changed.add(p + 1L);
            }
        }
        assertThat(changed).isNotEmpty();
        assertThat(restored).containsAll(changed);
    }

    @Test
    void zeroedFirstByteOrMissingDatabaseIsNotHot() throws Exception {
        Path db = captureHot(dir);
        Path journal = Path.of(db + "-journal");
        assertThat(JournalReport.of(read(journal), false).hot()).isFalse();
        assertThat(JournalReport.of(read(journal), false).restored()).isZero();

        byte[] j = Files.readAllBytes(journal);
        j[0] = 0;
        Files.write(journal, j);
        JournalReport r = JournalReport.of(read(journal), true);
        assertThat(r.hot()).isFalse();
        byte[] before = Files.readAllBytes(db);
        try (Connection c = SqliteOracle.open(db); Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
        } catch (SQLException e) {
            // the spilled pages may leave the database inconsistent; what matters is that SQLite did not roll back
        }
        assertThat(Files.readAllBytes(db)).as("SQLite did not roll back").isEqualTo(before);
    }
}
