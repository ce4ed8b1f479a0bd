package dev.loupe.repro.diff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Database files written by real SQLite (sqlite-jdbc), and SQLite's answers about copies of them. */
final class SqliteFiles {

    private SqliteFiles() {
    }

    /** Runs the statements on a new file at {@code path} (rollback journal, so no -wal is left behind). */
    static Path write(Path path, List<String> statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path); Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous=OFF"); // not stored in the file: only spares the test a sync per statement
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return path;
    }

    /** A scalar query's answer, asked of a copy (SQLite may write beside what it opens). */
    static long count(Path db, String sql) throws Exception {
        String v = rows(db, sql).get(0);
        return Long.parseLong(v.substring(v.indexOf(':') + 1));
    }

    /** Every row of a query, columns joined by '|' with each value's class, asked of a copy (and of its -wal). */
    static List<String> rows(Path db, String sql) throws Exception {
        Path dir = Files.createTempDirectory("loupe-diff-ask");
        Path copy = dir.resolve("copy.db");
        Files.copy(db, copy);
        Path wal = Path.of(db + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, dir.resolve("copy.db-wal")); // SQLite reads the database with its WAL, as Loupe does
        }
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    String v = o instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
                            : String.valueOf(o);
                    b.append(i == 1 ? "" : "|").append(o == null ? "null" : o.getClass().getSimpleName() + ":" + v);
                }
                out.add(b.toString());
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        return out;
    }

    /** PRAGMA integrity_check on a copy, lines joined by newlines. */
    static String integrityCheck(Path db) throws Exception {
        try {
            return String.join("\n", rows(db, "PRAGMA integrity_check")).replace("String:", "");
        } catch (SQLException e) {
            return "Error: " + e.getMessage();
        }
    }
}
