package dev.loupe.format.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: builds WAL databases with real SQLite (sqlite-jdbc) and asks SQLite what a database + WAL pair
 * means, by letting it recover and checkpoint a copy.
 */
final class SqliteWal {

    /** A database file and its WAL, copied aside while the writing connection was still open. */
    record Pair(Path db, Path wal, int pageSize) {
    }

    /** What SQLite made of a pair: its database file after a full checkpoint, and the checkpoint's counts. */
    record Checkpointed(byte[] db, int log, int checkpointed) {
    }

    private static final AtomicInteger RUN = new AtomicInteger();

    private SqliteWal() {
    }

    static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /**
     * Creates a database with some content in the database file (rollback mode), switches it to WAL with
     * automatic checkpoints off, runs {@code commits} varied transactions (inserts, updates, deletes, schema
     * changes, overflow rows, bulk growth and shrink) and copies the database and WAL aside before closing.
     */
    static Pair build(Path dir, int pageSize, int commits, long seed) throws Exception {
        Path work = Files.createDirectories(dir.resolve("build-" + RUN.incrementAndGet()));
        Path db = work.resolve("w.db");
        Random random = new Random(seed);
        try (Connection c = open(db); Statement s = c.createStatement()) {
            startWal(s, pageSize);
            populate(c, s, commits, random);
            return copyAside(db, dir, pageSize);
        }
    }

    /** A table with a row in the database file, then WAL mode with automatic checkpoints off. */
    static void startWal(Statement s, int pageSize) throws SQLException {
        s.execute("PRAGMA page_size=" + pageSize);
        s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b BLOB)");
        s.execute("INSERT INTO t(a, b) VALUES ('before the WAL', x'00ff')");
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA wal_autocheckpoint=0");
    }

    /** {@code commits} varied transactions on a database made by {@link #startWal}. */
    static void populate(Connection c, Statement s, int commits, Random random) throws SQLException {
        for (int i = 0; i < commits; i++) {
            runCommit(c, s, i, random);
        }
    }

    /** Copies the database and its WAL (which must exist) into a fresh directory. */
    static Pair copyAside(Path db, Path dir, int pageSize) throws IOException {
        Path out = Files.createDirectories(dir.resolve("copy-" + RUN.incrementAndGet()));
        Path dbCopy = out.resolve("w.db");
        Path walCopy = out.resolve("w.db-wal");
        Files.copy(db, dbCopy);
        Files.copy(Path.of(db + "-wal"), walCopy);
        return new Pair(dbCopy, walCopy, pageSize);
    }

    private static void runCommit(Connection c, Statement s, int i, Random random) throws SQLException {
        switch (i % 10) {
            case 0 -> insertRows(c, 5 + random.nextInt(10), 20 + random.nextInt(200), random);
            case 1 -> s.execute("UPDATE t SET a = a || '+' WHERE id % 3 = " + (i % 3));
            case 2 -> s.execute("DELETE FROM t WHERE id % 7 = " + (i % 7));
            case 3 -> s.execute("CREATE TABLE IF NOT EXISTS u" + i + "(x, y UNIQUE)");
            case 4 -> insertRows(c, 1, 3000 + random.nextInt(9000), random); // overflow chains
            case 5 -> s.execute("CREATE INDEX IF NOT EXISTS t_a" + i + " ON t(a)");
            case 6 -> insertRows(c, 100 + random.nextInt(200), 50 + random.nextInt(300), random); // growth
            case 7 -> s.execute("DELETE FROM t WHERE id > (SELECT max(id) FROM t) - 80"); // freelist pages
            case 8 -> s.execute("ALTER TABLE t ADD COLUMN c" + i + " DEFAULT " + i);
            default -> {
                s.execute("DROP TABLE IF EXISTS u" + (i - 6));
                s.execute("UPDATE t SET b = zeroblob(" + (10 + random.nextInt(500)) + ") WHERE id % 5 = 1");
            }
        }
    }

    static void insertRows(Connection c, int rows, int textLength, Random random) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t(a, b) VALUES (?, ?)")) {
            for (int r = 0; r < rows; r++) {
                StringBuilder text = new StringBuilder(textLength);
                for (int k = 0; k < textLength; k++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                byte[] blob = new byte[random.nextInt(64)];
                random.nextBytes(blob);
                p.setString(1, text.toString());
                p.setBytes(2, blob);
                p.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /**
     * Lets SQLite recover {@code db} with {@code wal} (null: no WAL) in a fresh directory and checkpoint it fully
     * (PRAGMA wal_checkpoint(FULL) reports mxFrame as "log"), then returns the database file SQLite leaves.
     */
    static Checkpointed checkpoint(Path db, Path wal, Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("ckpt-" + RUN.incrementAndGet()));
        Path dbCopy = work.resolve("c.db");
        Files.copy(db, dbCopy);
        if (wal != null) {
            Files.copy(wal, work.resolve("c.db-wal"), StandardCopyOption.REPLACE_EXISTING);
        }
        int log;
        int done;
        try (Connection c = open(dbCopy); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(FULL)")) {
            r.next();
            if (r.getInt(1) != 0) {
                throw new IllegalStateException("checkpoint busy");
            }
            log = r.getInt(2);
            done = r.getInt(3);
        }
        return new Checkpointed(Files.readAllBytes(dbCopy), log, done);
    }

    /** Writes {@code bytes} as a WAL file beside nothing in particular; returns its path. */
    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = Files.createDirectories(dir.resolve("mut-" + RUN.incrementAndGet())).resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
