package dev.loupe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;

/**
 * Generates (with sqlite-jdbc) a database that grows through its WAL: a small database file, then {@code n} WAL
 * commits that mostly insert (so nearly every commit changes the database size and splits leaves of a table and its
 * index), with overflow rows, range deletes (freelist churn), and a side table created, filled and dropped every
 * 500 commits (schema changes). The workload of {@code loupe wal commits} on a database in active use, where every
 * commit used to rebuild the page map. Seeded: the same arguments give the same pages (SQLite picks the WAL's salts
 * at random).
 */
final class GrowingWal {

    /** The row {@code wal track} follows in the benchmark: inserted in the database file, updated every 97 commits. */
    static final long TRACKED_ROWID = 7;

    private GrowingWal() {
    }

    /**
     * {@code DIR/g.db} and its {@code -wal} with {@code n} commits, an inserting commit adding {@code rows} rows to
     * t; made once (a later call with the same DIR reuses them).
     */
    static Path generate(Path dir, int n, int rows) throws Exception {
        Path done = dir.resolve("g.db");
        if (Files.exists(done) && Files.exists(Path.of(done + "-wal"))) {
            return done;
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        Path db = work.resolve("g.db");
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
        Random random = new Random(20261122L);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=4096");
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER)");
            s.execute("CREATE INDEX t_a ON t(a)");
            s.execute("CREATE TABLE log(id INTEGER PRIMARY KEY, msg TEXT)");
            s.execute("WITH RECURSIVE k(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM k WHERE v < 200)"
                    + " INSERT INTO t(a, b) SELECT printf('%08d-seed', v), v FROM k");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("PRAGMA synchronous=OFF");
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t(a, b) VALUES (?, ?)");
                 PreparedStatement log = c.prepareStatement("INSERT INTO log(msg) VALUES (?)")) {
                for (int i = 0; i < n; i++) {
                    if (i % 500 == 100) {
                        s.execute("CREATE TABLE side" + i + "(k INTEGER PRIMARY KEY, v TEXT)");
                    } else if (i % 500 == 101) {
                        s.execute("WITH RECURSIVE k(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM k WHERE v < 300)"
                                + " INSERT INTO side" + (i - 1) + "(v) SELECT printf('%0200d', v) FROM k");
                    } else if (i % 500 == 350) {
                        s.execute("DROP TABLE side" + (i - 250));
                    } else if (i % 97 == 0) {
                        s.execute("UPDATE t SET b = b + 1 WHERE id = " + TRACKED_ROWID);
                    } else if (i % 50 == 7) {
                        long hi = 200 + i;
                        s.execute("DELETE FROM t WHERE id BETWEEN " + (hi - 60) + " AND " + (hi - 30));
                    } else if (i % 10 == 3) {
                        log.setString(1, "commit " + i + " " + "x".repeat(1000 + random.nextInt(6000)));
                        log.executeUpdate();
                    } else {
                        c.setAutoCommit(false);
                        for (int r = 0; r < rows; r++) {
                            String key = Long.toString(random.nextLong(), 36);
                            ins.setString(1, key + "-" + "y".repeat(random.nextInt(80)));
                            ins.setInt(2, i);
                            ins.executeUpdate();
                        }
                        c.commit();
                        c.setAutoCommit(true);
                    }
                }
            }
            Files.deleteIfExists(done);
            Files.copy(Path.of(db + "-wal"), Path.of(done + "-wal"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(db, done);
        }
        return done;
    }
}
