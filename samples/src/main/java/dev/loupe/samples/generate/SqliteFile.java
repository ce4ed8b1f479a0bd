package dev.loupe.samples.generate;

import dev.loupe.samples.Sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A sqlite-jdbc connection to a database file being generated, in autocommit mode (transactions are explicit). */
final class SqliteFile implements AutoCloseable {
    /** Offset of the reserved-bytes-per-page byte in the database header (fileformat2 §1.3). */
    private static final int RESERVED_BYTES_OFFSET = 20;
    /** Offset of page 1's "start of cell content area" (b-tree header at 100, field at +5; fileformat2 §1.6). */
    private static final int PAGE1_CELL_CONTENT_START_OFFSET = 105;

    private final Connection connection;

    private SqliteFile(Connection connection) {
        this.connection = connection;
    }

    static SqliteFile open(Path file) throws SQLException {
        return new SqliteFile(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    }

    /**
     * Creates a new database with the sample's page size, encoding, auto-vacuum mode and reserved bytes.
     * SQLite offers no SQL for reserved bytes, so an empty page 1 is written, patched (header byte 20 and page 1's
     * cell content start, which must not lie beyond the new usable size) and reopened; SQLite keeps the reserve.
     */
    static SqliteFile create(Path file, Sample sample) throws SQLException, IOException {
        Files.deleteIfExists(file);
        SqliteFile db = open(file);
        db.exec("PRAGMA page_size=" + sample.pageSize(),
                "PRAGMA encoding='" + sample.encoding() + "'",
                "PRAGMA auto_vacuum=" + sample.autoVacuum());
        if (sample.reservedBytes() == 0) {
            return db;
        }
        db.exec("PRAGMA user_version=1");
        db.close();
        int usableSize = sample.pageSize() - sample.reservedBytes();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) sample.reservedBytes()}), RESERVED_BYTES_OFFSET);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (usableSize >> 8), (byte) usableSize}),
                    PAGE1_CELL_CONTENT_START_OFFSET);
        }
        SqliteFile reopened = open(file);
        reopened.exec("PRAGMA user_version=0");
        return reopened;
    }

    void exec(String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs one prepared statement once per row, binding the row's values in order. */
    void insert(String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.executeUpdate();
            }
        }
    }

    /** Runs {@code work} between BEGIN and COMMIT: one transaction, one commit (one WAL commit frame). */
    void transaction(Work work) throws SQLException {
        exec("BEGIN");
        work.run();
        exec("COMMIT");
    }

    String queryString(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no row from " + sql);
            }
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }
}
