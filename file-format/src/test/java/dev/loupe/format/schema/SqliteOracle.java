package dev.loupe.format.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Real SQLite (sqlite-jdbc) on a database file in a test's temporary directory: the oracle of these tests. */
final class SqliteOracle implements AutoCloseable {

    final Path file;
    private final Connection conn;

    private SqliteOracle(Path file) throws SQLException {
        this.file = file;
        this.conn = DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static SqliteOracle create(Path dir, String name) throws SQLException {
        return new SqliteOracle(dir.resolve(name));
    }

    void exec(String... statements) throws SQLException {
        try (Statement s = conn.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + " in: " + sql, e);
                }
            }
        }
    }

    /** Rows of a query as column-label maps; Integer values widened to Long. */
    List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnLabel(i), v instanceof Integer n ? (Object) n.longValue() : v);
                }
                out.add(row);
            }
        }
        return out;
    }

    List<SchemaRow> schemaRows() throws SQLException {
        return rows("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema");
    }

    List<SchemaRow> tempSchemaRows() throws SQLException {
        return rows("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_temp_schema");
    }

    private List<SchemaRow> rows(String sql) throws SQLException {
        List<SchemaRow> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new SchemaRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)));
            }
        }
        return out;
    }

    static String quoteId(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String quoteString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
