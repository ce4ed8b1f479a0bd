package dev.loupe.format.journal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Problem;
import dev.loupe.format.page.ReadOnlyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journals copied from real SQLite write transactions in progress, decoded and checked against the database
 * before the transaction, and against what SQLite's own hot-journal rollback makes of the same files.
 */
class JournalFileTest {

    private static final int PAGE_SIZE = 4096;

    @TempDir
    Path dir;

    private int run;

    /** A database, a copy of it before the transaction, and copies of database and journal in the middle of it. */
    record Captured(byte[] before, Path midDb, Path journal) {
    }

    private Path fresh() throws Exception {
        return Files.createDirectories(dir.resolve("run-" + (++run)));
    }

    private static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /**
     * Builds a rollback-mode database of a few hundred pages, then, on a connection with {@code pragmas}, updates
     * every row inside a transaction and copies database and journal before rolling back.
     */
    private Captured capture(String journalMode, String... pragmas) throws Exception {
        Path work = fresh();
        Path db = work.resolve("j.db");
        try (Connection c = open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + PAGE_SIZE);
            s.execute("PRAGMA journal_mode=" + journalMode);
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                    + "INSERT INTO t(a) SELECT printf('%.200c', char(65 + i % 26)) FROM n");
        }
        byte[] before = Files.readAllBytes(db);
        Path out = fresh();
        try (Connection c = open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=" + journalMode);
            for (String p : pragmas) {
                s.execute("PRAGMA " + p);
            }
            c.setAutoCommit(false);
            s.execute("UPDATE t SET a = upper(a) || 'changed' WHERE id % 2 = 0");
            s.execute("INSERT INTO t(a) SELECT a FROM t WHERE id < 200"); // grows the database
            Path journal = out.resolve("j.db-journal");
            Files.copy(Path.of(db + "-journal"), journal);
            Files.copy(db, out.resolve("j.db"));
            c.rollback();
            return new Captured(before, out.resolve("j.db"), journal);
        }
    }

    private static JournalFile read(Path journal) throws Exception {
        try (ReadOnlyFile f = ReadOnlyFile.open(journal)) {
            return JournalFile.read(f);
        }
    }

    /** Records hold real pages of the database before the transaction, each once, with valid checksums. */
    private static void assertRecordsArePreTransactionPages(JournalFile j, Captured cap) throws Exception {
        assertThat(j.pageSize()).isEqualTo(PAGE_SIZE);
        assertThat(j.initialDbSize()).isEqualTo(cap.before().length / PAGE_SIZE);
        assertThat(j.records()).isNotEmpty();
        Set<Long> seen = new HashSet<>();
        try (ReadOnlyFile f = ReadOnlyFile.open(cap.journal())) {
            for (JournalRecord r : j.records()) {
                assertThat(r.pageNumber()).isBetween(1L, j.initialDbSize());
                assertThat(seen.add(r.pageNumber())).as("page %d journaled once", r.pageNumber()).isTrue();
                assertThat(r.checksumOk()).as("record %d checksum", r.index()).isTrue();
                int from = (int) ((r.pageNumber() - 1) * PAGE_SIZE);
                assertThat(r.readData(f)).as("record %d = page %d before the transaction", r.index(),
                        r.pageNumber()).isEqualTo(Arrays.copyOfRange(cap.before(), from, from + PAGE_SIZE));
            }
        }
    }

    /** Lets SQLite find the journal hot (or not) in a fresh directory and returns the database it leaves. */
    private byte[] sqliteRollback(Path db, Path journal) throws Exception {
        Path work = fresh();
        Path d = work.resolve("r.db");
        Files.copy(db, d);
        Files.copy(journal, work.resolve("r.db-journal"));
        try (Connection c = open(d); Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
        } catch (SQLException e) {
            // A partial rollback may leave a damaged schema; the rollback itself has happened by then.
        }
        return Files.readAllBytes(d);
    }

    /** Our reading of the rollback: restore the records marked wouldRestore, then cut to the initial size. */
    private static byte[] ourRollback(Path db, Path journal, JournalFile j) throws Exception {
        byte[] img = Files.readAllBytes(db);
        long newSize = j.initialDbSize() * PAGE_SIZE;
        try (ReadOnlyFile f = ReadOnlyFile.open(journal)) {
            for (JournalRecord r : j.records()) {
                if (r.wouldRestore()) {
                    int at = (int) ((r.pageNumber() - 1) * PAGE_SIZE);
                    if (at + PAGE_SIZE > img.length) {
                        img = Arrays.copyOf(img, at + PAGE_SIZE);
                    }
                    System.arraycopy(r.readData(f), 0, img, at, PAGE_SIZE);
                }
            }
        }
        // pager.c pager_truncate: shrink, or grow by writing the last page as zeros.
        if (img.length > newSize || img.length + PAGE_SIZE <= newSize) {
            img = Arrays.copyOf(img, (int) newSize);
        }
        return img;
    }

    @Test
    void spilledTransactionJournalIsHotAndSqliteRollsItBackAsWeRead() throws Exception {
        Captured cap = capture("DELETE", "cache_size=8");
        JournalFile j = read(cap.journal());

        assertThat(j.problems()).isEmpty();
        assertThat(j.hotLooking()).isTrue();
        assertThat(j.headers()).hasSizeGreaterThan(1);
        JournalHeader first = j.headers().get(0);
        assertThat(first.magicOk()).isTrue();
        assertThat(first.nRec()).isPositive();
        assertThat(first.sectorSize()).isEqualTo(first.offset() + j.records().get(0).offset());
        assertRecordsArePreTransactionPages(j, cap);
        assertThat(j.records()).anyMatch(JournalRecord::wouldRestore);
        assertThat(Files.readAllBytes(cap.midDb())).as("the spill wrote to the database").isNotEqualTo(cap.before());

        byte[] sqlite = sqliteRollback(cap.midDb(), cap.journal());
        assertThat(sqlite).as("SQLite's rollback restores the database").isEqualTo(cap.before());
        assertThat(ourRollback(cap.midDb(), cap.journal(), j)).isEqualTo(sqlite);
    }

    @Test
    void unsyncedJournalIsNotHotButItsRecordsAreThePages() throws Exception {
        Captured cap = capture("DELETE");
        JournalFile j = read(cap.journal());

        assertThat(j.hotLooking()).isFalse();
        assertThat(j.headers()).hasSize(1);
        assertThat(j.headers().get(0).unsynced()).isTrue();
        assertRecordsArePreTransactionPages(j, cap);
        assertThat(j.records()).noneMatch(JournalRecord::wouldRestore);

        byte[] sqlite = sqliteRollback(cap.midDb(), cap.journal());
        assertThat(sqlite).isEqualTo(Files.readAllBytes(cap.midDb())).isEqualTo(cap.before());
        assertThat(ourRollback(cap.midDb(), cap.journal(), j)).isEqualTo(sqlite);
    }

    @Test
    void noSyncJournalCountsItsRecordsFromTheFileSize() throws Exception {
        Captured cap = capture("DELETE", "synchronous=OFF", "cache_size=8");
        JournalFile j = read(cap.journal());

        assertThat(j.problems()).isEmpty();
        assertThat(j.hotLooking()).isTrue();
        assertThat(j.headers()).hasSize(1);
        assertThat(j.headers().get(0).nRec()).isEqualTo(JournalHeader.NREC_TO_END);
        assertRecordsArePreTransactionPages(j, cap);
        assertThat(j.records()).allMatch(JournalRecord::wouldRestore);

        byte[] sqlite = sqliteRollback(cap.midDb(), cap.journal());
        assertThat(sqlite).isEqualTo(cap.before());
        assertThat(ourRollback(cap.midDb(), cap.journal(), j)).isEqualTo(sqlite);
    }

    /** Damage stops SQLite's rollback part way: we must say where, and restore exactly what SQLite restores. */
    @Test
    void damagedRecordsStopTheRollbackWhereSqliteStops() throws Exception {
        Captured cap = capture("DELETE", "synchronous=OFF", "cache_size=8");
        JournalFile intact = read(cap.journal());
        byte[] bytes = Files.readAllBytes(cap.journal());
        JournalRecord victim = intact.records().get(intact.records().size() / 2);

        for (String damage : new String[] {"checksum", "pgno0"}) {
            byte[] b = bytes.clone();
            if (damage.equals("checksum")) {
                b[(int) victim.offset() + 4 + PAGE_SIZE - 200] ^= 0x01; // a byte the checksum covers
            } else {
                BigEndian.putU32(b, (int) victim.offset(), 0);
            }
            Path damaged = fresh().resolve("j.db-journal");
            Files.write(damaged, b);
            JournalFile j = read(damaged);

            assertThat(j.records()).filteredOn(JournalRecord::wouldRestore).extracting(JournalRecord::index)
                    .as(damage).allMatch(i -> i < victim.index()).isNotEmpty();
            assertThat(j.problems()).extracting(Problem::message).as(damage).anyMatch(m -> m.startsWith("record "
                    + victim.index()) && m.endsWith("SQLite's rollback stops here; this and later records are not"
                    + " restored"));
            byte[] sqlite = sqliteRollback(cap.midDb(), damaged);
            assertThat(sqlite).as(damage).isNotEqualTo(cap.before());
            assertThat(ourRollback(cap.midDb(), damaged, j)).as(damage).isEqualTo(sqlite);
        }
    }

    @Test
    void persistModeZeroesTheHeaderAtCommit() throws Exception {
        Path db = fresh().resolve("p.db");
        try (Connection c = open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=PERSIST");
            s.execute("CREATE TABLE t(x)");
            s.execute("INSERT INTO t VALUES (1)");
        }
        Path journal = Path.of(db + "-journal");
        assertThat(journal).exists();
        JournalFile j = read(journal);
        assertThat(j.hotLooking()).isFalse();
        assertThat(j.records()).isEmpty();
        assertThat(j.problems()).extracting(Problem::message).singleElement().asString().startsWith("header is"
                + " zeroed");
        Path copy = fresh().resolve("p.db");
        Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
        assertThat(sqliteRollback(copy, journal)).isEqualTo(Files.readAllBytes(db));
    }

    /** Seeded random damage and truncation of a real journal: decoding never throws and stays within the file. */
    @Test
    void damagedJournalsDecodeWithoutExceptions() throws Exception {
        Captured cap = capture("DELETE", "cache_size=8");
        byte[] bytes = Files.readAllBytes(cap.journal());
        Path mutant = fresh().resolve("m.db-journal");
        java.util.Random r = new java.util.Random(17);
        for (int i = 0; i < 200; i++) {
            byte[] b = r.nextInt(3) == 0 ? Arrays.copyOf(bytes, r.nextInt(bytes.length)) : bytes.clone();
            for (int k = r.nextInt(6); k > 0 && b.length > 0; k--) {
                // Half the damage goes to the first header, where the sizes that govern everything live.
                b[r.nextInt(Math.min(b.length, r.nextBoolean() ? 28 : b.length))] = (byte) r.nextInt(256);
            }
            Files.write(mutant, b);
            JournalFile j = read(mutant);
            for (JournalRecord rec : j.records()) {
                assertThat(rec.offset() + rec.size()).isLessThanOrEqualTo(b.length);
            }
            assertThat(j.records().stream().filter(JournalRecord::wouldRestore)).allMatch(JournalRecord::checksumOk);
        }
    }

    @Test
    void emptyAndShortJournals() throws Exception {
        Path empty = fresh().resolve("e.db-journal");
        Files.write(empty, new byte[0]);
        JournalFile e = read(empty);
        assertThat(e.hotLooking()).isFalse();
        assertThat(e.problems()).isEmpty();
        assertThat(e.headers()).isEmpty();

        Path shortOne = fresh().resolve("s.db-journal");
        Files.write(shortOne, new byte[] {(byte) 0xd9, (byte) 0xd5, 5});
        JournalFile s = read(shortOne);
        assertThat(s.hotLooking()).isTrue();
        assertThat(s.records()).isEmpty();
        assertThat(s.problems()).hasSize(1);
    }
}
