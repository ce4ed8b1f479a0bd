package dev.loupe.wal;

import dev.loupe.format.record.JavaValues;
import dev.loupe.format.record.Value;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test support: a database with rows in its file and at least 20 commits in an uncheckpointed WAL, written by real
 * SQLite (sqlite-jdbc), and SQLite's answers about that WAL cut after any commit.
 */
final class WalFixture {

    static final int PAGE_SIZE = 1024;

    /** The database and WAL copied aside while the writing connection was open. */
    record Pair(Path db, Path wal) {
    }

    private WalFixture() {
    }

    static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /**
     * 30 rows in the database file, then 24 commits in the WAL: batch inserts (page splits), updates of single rows
     * and ranges, deletes, overflow rows (a payload spilling past a 1024-byte page), a REAL column holding integers
     * (stored as integers, read back as reals), an index, and a table created in the WAL.
     */
    static Pair build(Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("build"));
        Path db = work.resolve("w.db");
        Random random = new Random(20260522L);
        try (Connection c = open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + PAGE_SIZE);
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b REAL, c BLOB)");
            insert(c, 30, 40, random);
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            for (int i = 0; i < 24; i++) {
                switch (i % 8) {
                    case 0 -> insert(c, 12 + random.nextInt(20), 30 + random.nextInt(60), random);
                    case 1 -> s.execute("UPDATE t SET a = a || '+" + i + "', b = " + i + " WHERE id = " + (3 + i));
                    case 2 -> s.execute("DELETE FROM t WHERE id % 9 = " + (i % 9));
                    case 3 -> s.execute("UPDATE t SET a = '" + "x".repeat(2500 + 100 * i) + "' WHERE id = " + (5 + i));
                    case 4 -> s.execute("UPDATE t SET b = b + 0.5, c = randomblob(20) WHERE id BETWEEN 10 AND 20");
                    case 5 -> s.execute(i == 5 ? "CREATE INDEX t_a ON t(a)" : "CREATE TABLE IF NOT EXISTS u(x)");
                    case 6 -> s.execute("INSERT INTO t(id, a, b) VALUES (" + (-1000 - i) + ", 'late " + i + "', 7)");
                    default -> s.execute("UPDATE t SET a = 'short " + i + "' WHERE id = " + (5 + i - 4));
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
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t(a, b, c) VALUES (?, ?, ?)")) {
            for (int r = 0; r < rows; r++) {
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < textLength; k++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                byte[] blob = new byte[random.nextInt(30)];
                random.nextBytes(blob);
                p.setString(1, text.toString());
                if (r % 3 == 0) {
                    p.setLong(2, r);               // REAL affinity: stored as an integer, read back as a real
                } else {
                    p.setDouble(2, r + 0.25);
                }
                p.setBytes(3, blob);
                p.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** The WAL's frames read straight from its bytes: the page number of each frame, in order. */
    static long[] framePages(Path wal) throws IOException {
        byte[] w = Files.readAllBytes(wal);
        int pageSize = (int) be32(w, 8);
        int frames = (w.length - 32) / (24 + pageSize);
        long[] out = new long[frames];
        for (int i = 0; i < frames; i++) {
            out[i] = be32(w, 32 + i * (24 + pageSize));
        }
        return out;
    }

    /** The last frame of each commit, read straight from the frame headers (commit size != 0). */
    static List<Integer> commitFrames(Path wal) throws IOException {
        byte[] w = Files.readAllBytes(wal);
        int pageSize = (int) be32(w, 8);
        int frames = (w.length - 32) / (24 + pageSize);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            if (be32(w, 32 + i * (24 + pageSize) + 4) != 0) {
                out.add(i + 1);
            }
        }
        return out;
    }

    /** The page image in frame {@code frame} (1-based). */
    static byte[] frameImage(Path wal, int frame) throws IOException {
        byte[] w = Files.readAllBytes(wal);
        int pageSize = (int) be32(w, 8);
        int from = 32 + (frame - 1) * (24 + pageSize) + 24;
        return Arrays.copyOfRange(w, from, from + pageSize);
    }

    static long be32(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
    }

    /**
     * What SQLite returns for {@code SELECT rowid, * FROM table} when the WAL is cut after frame {@code lastFrame}
     * (0: no WAL at all): rowid to the row's column values as JDBC gives them.
     */
    static Map<Long, List<Object>> rowsAt(Pair pair, int lastFrame, String table, Path dir) throws Exception {
        Path work = Files.createTempDirectory(dir, "cut");
        Path db = work.resolve("c.db");
        Files.copy(pair.db(), db);
        if (lastFrame > 0) {
            byte[] w = Files.readAllBytes(pair.wal());
            int pageSize = (int) be32(w, 8);
            Files.write(work.resolve("c.db-wal"), Arrays.copyOf(w, 32 + lastFrame * (24 + pageSize)));
        }
        Map<Long, List<Object>> rows = new HashMap<>();
        try (Connection c = open(db); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = '" + table + "'")) {
                if (r.getInt(1) == 0) {
                    return null;
                }
            }
            try (ResultSet r = s.executeQuery("SELECT rowid, * FROM " + table)) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 2; i <= n; i++) {
                        values.add(r.getObject(i));
                    }
                    rows.put(r.getLong(1), values);
                }
            }
        }
        return rows;
    }

    static List<Object> javaValues(List<Value> values) {
        List<Object> out = new ArrayList<>();
        for (Value v : values) {
            Object o = JavaValues.toJava(v);
            out.add(o instanceof byte[] b ? new Bytes(b) : o);
        }
        return out;
    }

    static List<Object> norm(List<Object> values) {
        return values == null ? null : normalize(values);
    }

    /** JDBC gives Integer for small integers; blobs are compared by content. */
    static List<Object> normalize(List<Object> values) {
        List<Object> out = new ArrayList<>();
        for (Object o : values) {
            out.add(o instanceof Integer i ? (Object) i.longValue() : o instanceof byte[] b ? new Bytes(b) : o);
        }
        return out;
    }

    record Bytes(byte[] b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes x && Arrays.equals(b, x.b);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(b);
        }

        @Override
        public String toString() {
            return java.util.HexFormat.of().formatHex(b);
        }
    }
}
