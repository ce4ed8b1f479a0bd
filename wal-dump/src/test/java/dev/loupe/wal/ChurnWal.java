package dev.loupe.wal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test support: a database and an uncheckpointed WAL written by real SQLite (sqlite-jdbc) whose commits move pages
 * between owners in every way a page map can see: leaf and interior splits (batch inserts), merges and freed pages
 * (range deletes), overflow chains made and freed (large values updated to small), new tables and indexes, dropped
 * ones (in an auto-vacuum database a drop moves the last root page into the hole), a WITHOUT ROWID table, and with
 * auto-vacuum full or incremental, pointer-map pages and databases that shrink (incremental_vacuum).
 */
final class ChurnWal {

    /** sqlite's PRAGMA auto_vacuum values. */
    enum AutoVacuum { NONE, FULL, INCREMENTAL }

    private ChurnWal() {
    }

    /** Writes {@code dir}/c.db and c.db-wal with {@code commits} WAL commits (seeded: same arguments, same files). */
    static Path build(Path dir, AutoVacuum autoVacuum, int pageSize, int commits, long seed) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path db = work.resolve("c.db");
        Random random = new Random(seed);
        List<String> sideTables = new ArrayList<>();
        try (Connection c = WalFixture.open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + pageSize);
            s.execute("PRAGMA auto_vacuum=" + autoVacuum.name());
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b BLOB)");
            s.execute("CREATE INDEX t_a ON t(a)");
            s.execute("CREATE TABLE w(k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID");
            insert(c, 40, random);
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            for (int i = 0; i < commits; i++) {
                int op = random.nextInt(10);
                switch (op) {
                    case 0, 1 -> insert(c, 5 + random.nextInt(40), random);
                    case 2 -> {
                        long from = 1 + random.nextInt(200);
                        s.execute("DELETE FROM t WHERE id BETWEEN " + from + " AND " + (from + random.nextInt(60)));
                    }
                    case 3 -> s.execute("UPDATE t SET b = CASE WHEN length(b) > 1000 THEN x'01' ELSE randomblob("
                            + (pageSize * (1 + random.nextInt(3))) + ") END WHERE id % 7 = " + random.nextInt(7));
                    case 4 -> {
                        String name = "s" + i;
                        s.execute("CREATE TABLE " + name + "(k INTEGER PRIMARY KEY, v TEXT)");
                        s.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < "
                                + (1 + random.nextInt(60)) + ") INSERT INTO " + name + "(v) SELECT printf('%0"
                                + (20 + random.nextInt(300)) + "d', x) FROM n");
                        if (random.nextBoolean()) {
                            s.execute("CREATE INDEX " + name + "_v ON " + name + "(v)");
                        }
                        sideTables.add(name);
                    }
                    case 5 -> {
                        if (!sideTables.isEmpty()) {
                            s.execute("DROP TABLE " + sideTables.remove(random.nextInt(sideTables.size())));
                        } else {
                            insert(c, 3, random);
                        }
                    }
                    case 6 -> {
                        c.setAutoCommit(false);
                        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO w(k, v) VALUES (?, ?)")) {
                            for (int r = 0; r < 10 + random.nextInt(30); r++) {
                                p.setString(1, Long.toString(random.nextLong(), 36) + "k".repeat(random.nextInt(90)));
                                p.setLong(2, r);
                                p.executeUpdate();
                            }
                        }
                        c.commit();
                        c.setAutoCommit(true);
                    }
                    case 7 -> s.execute("DELETE FROM w WHERE v % 3 = " + random.nextInt(3));
                    case 8 -> {
                        if (autoVacuum == AutoVacuum.INCREMENTAL) {
                            // A statement of its own, closed at once: a pragma left unfinished keeps the write
                            // transaction open and the next commit fails with SQLITE_BUSY.
                            try (Statement v = c.createStatement()) {
                                v.execute("PRAGMA incremental_vacuum(" + (1 + random.nextInt(8)) + ")");
                            }
                        } else {
                            s.execute("UPDATE t SET a = a || 'u' WHERE id % 11 = " + random.nextInt(11));
                        }
                    }
                    default -> s.execute("UPDATE t SET a = printf('%0" + (10 + random.nextInt(400))
                            + "d', id) WHERE id % 5 = " + random.nextInt(5));
                }
            }
            Path out = Files.createDirectories(dir.resolve("pair"));
            Files.copy(db, out.resolve("c.db"));
            Files.copy(Path.of(db + "-wal"), out.resolve("c.db-wal"));
            return out.resolve("c.db");
        }
    }

    private static void insert(Connection c, int rows, Random random) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t(a, b) VALUES (?, ?)")) {
            for (int r = 0; r < rows; r++) {
                p.setString(1, Long.toString(random.nextLong(), 36).repeat(1 + random.nextInt(6)));
                byte[] blob = new byte[random.nextInt(10) == 0 ? 3000 + random.nextInt(5000) : random.nextInt(40)];
                random.nextBytes(blob);
                p.setBytes(2, blob);
                p.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
