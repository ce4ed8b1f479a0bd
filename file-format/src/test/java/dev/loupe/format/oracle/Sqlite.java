package dev.loupe.format.oracle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite (through sqlite-jdbc) as the oracle. Always opens a private copy of the database (and its -wal) in a
 * directory of its own, because SQLite creates -shm and -wal files beside what it opens.
 */
public final class Sqlite implements AutoCloseable {

    private final Connection connection;

    private Sqlite(Connection connection) {
        this.connection = connection;
    }

    /** Copies {@code db} (and {@code db-wal} if present) into {@code scratch} and opens the copy. */
    public static Sqlite openCopy(Path db, Path scratch) throws Exception {
        Files.createDirectories(scratch);
        Path copy = scratch.resolve(db.getFileName());
        Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, scratch.resolve(wal.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return new Sqlite(DriverManager.getConnection("jdbc:sqlite:" + copy));
    }

    public Connection connection() {
        return connection;
    }

    /** Every row of a query as a list of Java values (Long, Double, String, byte[] or null), by storage class. */
    public List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    row.add(o instanceof Integer x ? Long.valueOf(x) : o);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public long scalarLong(String sql) throws SQLException {
        Object o = query(sql).get(0).get(0);
        return ((Number) o).longValue();
    }

    public String scalarText(String sql) throws SQLException {
        return String.valueOf(query(sql).get(0).get(0));
    }

    /** A name quoted as an SQL identifier. */
    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
