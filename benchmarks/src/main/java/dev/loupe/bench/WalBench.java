package dev.loupe.bench;

import dev.loupe.format.Progress;
import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.wal.WalFile;
import dev.loupe.wal.BisectOptions;
import dev.loupe.wal.BisectResult;
import dev.loupe.wal.BisectStrategy;
import dev.loupe.wal.WalBisect;
import dev.loupe.wal.WalPair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;

/**
 * Timed main for the WAL figures in docs/benchmarks.md: generates (with sqlite-jdbc) a WAL of 1,000 commits and one
 * of about 100,000 frames in DIR, then times `wal bisect` over the 1,000 commits (incremental and naive) and the
 * decoding of the 100,000-frame WAL that `loupe wal` does (WalFile.read: every frame header and checksum).
 * Usage: java -cp ... dev.loupe.bench.WalBench DIR [repeats [NAIVE|INCREMENTAL]]
 */
public final class WalBench {

    private WalBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path bisectDb = commits(dir.resolve("bisect"), 1000);
        Path bigDb = frames(dir.resolve("frames"), 100_000);
        try (WalPair pair = WalPair.open(bisectDb, null)) {
            System.out.printf("bisect WAL: %d commits, %d frames, %d pages of %d bytes at the end%n",
                    pair.commitCount(), pair.wal().frames().size(), pair.commit(pair.commitCount()).databaseSize(),
                    pair.pageSize());
            for (BisectStrategy s : args.length > 2 ? new BisectStrategy[] {BisectStrategy.valueOf(args[2])}
                    : BisectStrategy.values()) {
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    BisectResult res = WalBisect.run(pair, BisectOptions.defaults().withStrategy(s), Progress.NONE);
                    System.out.printf("bisect %-11s run %d: %,d ms (%d commits checked, first bad %d, %,d table"
                            + " checks, %,d structure-only commits)%n", s, r + 1, (System.nanoTime() - t0) / 1_000_000,
                            res.checked(), res.firstBad(), res.tablesChecked(), res.quickCommits());
                }
            }
        }
        Path wal = Path.of(bigDb + "-wal");
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            try (ReadOnlyFile f = ReadOnlyFile.open(wal)) {
                WalFile w = WalFile.read(f);
                System.out.printf("WalFile.read run %d: %,d frames (%,d bytes), %d commits in %,d ms%n", r + 1,
                        w.frames().size(), Files.size(wal), w.commits().size(), (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    /** A table and an index, then {@code n} commits of inserts, updates and deletes. */
    static Path commits(Path dir, int n) throws Exception {
        Path done = dir.resolve("b.db");
        if (Files.exists(done)) {
            return done;
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        Path db = work.resolve("b.db");
        Random random = new Random(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=4096");
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER)");
            s.execute("CREATE INDEX t_a ON t(a)");
            s.execute("CREATE TABLE log(id INTEGER PRIMARY KEY, msg TEXT)");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t(a, b) VALUES (?, ?)");
                 PreparedStatement log = c.prepareStatement("INSERT INTO log(msg) VALUES (?)")) {
                for (int i = 0; i < n; i++) {
                    switch (i % 4) {
                        case 0, 1 -> {
                            c.setAutoCommit(false);
                            for (int r = 0; r < 20; r++) {
                                ins.setString(1, Long.toString(random.nextLong(), 36).repeat(4));
                                ins.setInt(2, i);
                                ins.executeUpdate();
                            }
                            c.commit();
                            c.setAutoCommit(true);
                        }
                        case 2 -> {
                            log.setString(1, "commit " + i + " " + "x".repeat(random.nextInt(200)));
                            log.executeUpdate();
                        }
                        default -> s.execute("UPDATE t SET b = b + 1 WHERE id % 97 = " + (i % 97));
                    }
                }
            }
            Files.createDirectories(dir);
            Files.copy(Path.of(db + "-wal"), Path.of(done + "-wal"));
            Files.copy(db, done);
        }
        return done;
    }

    /** Commits of about 100 pages each until the WAL holds {@code frames} frames (1024-byte pages). */
    static Path frames(Path dir, int frames) throws Exception {
        Path done = dir.resolve("f.db");
        if (Files.exists(done)) {
            return done;
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        Path db = work.resolve("f.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=1024");
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, a TEXT)");
            s.execute("WITH RECURSIVE k(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM k WHERE v < 2000)"
                    + " INSERT INTO t(n, a) SELECT 0, printf('%0400d', v) FROM k");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            long walFrames = 0;
            for (int i = 0; walFrames < frames; i++) {
                int from = (i * 37) % 1800;
                s.execute("UPDATE t SET n = n + 1 WHERE id BETWEEN " + from + " AND " + (from + 200));
                if (i % 50 == 0) {
                    walFrames = (Files.size(Path.of(db + "-wal")) - 32) / (24 + 1024);
                }
            }
            Files.copy(Path.of(db + "-wal"), Path.of(done + "-wal"));
            Files.copy(db, done);
        }
        return done;
    }
}
