package dev.loupe.samples;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The oracle: real SQLite (sqlite-jdbc) on a copy of a sample. Test code only. */
final class Sqlite implements AutoCloseable {
    private final Connection connection;

    private Sqlite(Connection connection) {
        this.connection = connection;
    }

    /** Opens {@code db}, which must be a copy: SQLite creates -shm/-wal files beside it and checkpoints on close. */
    static Sqlite open(Path db) throws SQLException {
        return new Sqlite(DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath()));
    }

    /** Every row of the result, each value rendered by {@link #render(Object)}, columns joined by " | ". */
    List<String> rows(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.append(c > 1 ? " | " : "").append(render(rs.getObject(c)));
                    }
                    rows.add(row.toString());
                }
                return rows;
            }
        }
    }

    /** The first column of every row, as SQLite's text, unquoted. */
    List<String> strings(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }

    String text(String sql, Object... args) throws SQLException {
        List<String> values = strings(sql, args);
        if (values.size() != 1) {
            throw new AssertionError(sql + " returned " + values.size() + " rows: " + values);
        }
        return values.get(0);
    }

    String single(String sql, Object... args) throws SQLException {
        List<String> rows = rows(sql, args);
        if (rows.size() != 1) {
            throw new AssertionError(sql + " returned " + rows.size() + " rows: " + rows);
        }
        return rows.get(0);
    }

    long number(String sql, Object... args) throws SQLException {
        return Long.parseLong(text(sql, args));
    }

    /** The schema and every row of every table, in b-tree order: what SQLite says the database contains. */
    List<String> dump() throws SQLException {
        List<String> dump = new ArrayList<>(rows("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"));
        for (String table : strings("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            boolean withoutRowid = number("SELECT wr FROM pragma_table_list WHERE name = ?", table) == 1;
            String quoted = "\"" + table + "\"";
            String sql = withoutRowid ? "SELECT * FROM " + quoted : "SELECT rowid, * FROM " + quoted + " ORDER BY rowid";
            dump.add("table " + table);
            dump.addAll(rows(sql));
        }
        return dump;
    }

    /** Values with their storage class made visible: reals by their exact bits, blobs as hex. */
    static String render(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[]) {
            return "x'" + HexFormat.of().formatHex((byte[]) value) + "'";
        }
        if (value instanceof Double) {
            double d = (Double) value;
            return d + "/" + Long.toHexString(Double.doubleToRawLongBits(d));
        }
        if (value instanceof String) {
            return "'" + value + "'";
        }
        return value.toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
