package dev.loupe.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test support: WAL databases made by real SQLite (sqlite-jdbc), copied aside while the writing connection is
 * open so the WAL stays uncheckpointed, and SQLite's own reading of a database with its WAL cut after a frame.
 */
final class WalFixtures {

    record Pair(Path db, Path wal) {
    }

    private WalFixtures() {
    }

    static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /**
     * A database with a table in the database file, then {@code commits} varied transactions in the WAL: inserts
     * (with overflow rows and page splits), updates, deletes, a new table, an index, a dropped table.
     */
    static Pair build(Path dir, int commits, long seed) throws Exception {
        Path work = Files.createDirectories(dir.resolve("build"));
        Path db = work.resolve("w.db");
        Random random = new Random(seed);
        try (Connection c = open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=1024");
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b BLOB)");
            s.execute("CREATE INDEX t_a ON t(a)");
            s.execute("INSERT INTO t(a, b) VALUES ('before the WAL', x'00ff')");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            for (int i = 0; i < commits; i++) {
                switch (i % 8) {
                    case 0, 4 -> insert(c, 5 + random.nextInt(20), 20 + random.nextInt(120), random);
                    case 1 -> s.execute("UPDATE t SET a = a || '+' WHERE id % 3 = " + (i % 3));
                    case 2 -> s.execute("DELETE FROM t WHERE id % 7 = " + (i % 7));
                    case 3 -> s.execute("CREATE TABLE IF NOT EXISTS u" + i + "(x INTEGER, y TEXT UNIQUE)");
                    case 5 -> insert(c, 1, 1500 + random.nextInt(3000), random);
                    case 6 -> s.execute("INSERT INTO u3(x, y) VALUES (" + i + ", 'y" + i + "')");
                    default -> s.execute("UPDATE t SET b = zeroblob(" + (10 + random.nextInt(300)) + ") WHERE id % 5 = 1");
                }
            }
            Path out = Files.createDirectories(dir.resolve("pair"));
            Files.copy(db, out.resolve("w.db"));
            Files.copy(Path.of(db + "-wal"), out.resolve("w.db-wal"));
            return new Pair(out.resolve("w.db"), out.resolve("w.db-wal"));
        }
    }

    private static void insert(Connection c, int rows, int textLength, Random random) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t(a, b) VALUES (?, ?)")) {
            for (int r = 0; r < rows; r++) {
                StringBuilder text = new StringBuilder(textLength);
                for (int k = 0; k < textLength; k++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                byte[] blob = new byte[random.nextInt(40)];
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
     * Copies the pair into {@code dir} with the WAL cut after frame {@code lastFrame} (0: no WAL at all), for SQLite
     * to recover; returns the database copy.
     */
    static Path cut(Pair pair, int lastFrame, int pageSize, Path dir) throws IOException {
        Path work = Files.createTempDirectory(dir, "cut");
        Path db = work.resolve("c.db");
        Files.copy(pair.db(), db);
        if (lastFrame > 0) {
            byte[] wal = Files.readAllBytes(pair.wal());
            int length = 32 + lastFrame * (24 + pageSize);
            Files.write(work.resolve("c.db-wal"), java.util.Arrays.copyOf(wal, length));
        }
        return db;
    }

    /** Every row of every table, as SQLite returns them, one string per row, table by table in name order. */
    static List<String> rows(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = open(db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet r = s.executeQuery("SELECT rowid, * FROM \"" + t + "\" ORDER BY rowid")) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder(t).append(':');
                        for (int i = 1; i <= n; i++) {
                            Object v = r.getObject(i);
                            row.append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v).append('|');
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }

    /** PRAGMA integrity_check's lines. */
    static List<String> integrityCheck(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = open(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
