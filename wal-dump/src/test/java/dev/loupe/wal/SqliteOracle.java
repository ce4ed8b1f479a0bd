package dev.loupe.wal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.wal.WalChecksum;
import dev.loupe.format.wal.WalFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test support: asks SQLite (sqlite-jdbc) what a database + WAL pair means, always on copies in fresh directories,
 * and edits WAL bytes the way a damaged file would hold them.
 */
final class SqliteOracle {

    /** What SQLite made of a pair after recovery and a full checkpoint. */
    record Checkpointed(byte[] db, int log, int checkpointed) {
    }

    private static final AtomicInteger RUN = new AtomicInteger();

    private SqliteOracle() {
    }

    static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    static Path fresh(Path dir) throws IOException {
        return Files.createDirectories(dir.resolve("run-" + RUN.incrementAndGet()));
    }

    /** Copies {@code db} and {@code wal} bytes (null: none) into a fresh directory as c.db / c.db-wal. */
    static Path pair(Path dir, byte[] db, byte[] wal) throws IOException {
        Path work = fresh(dir);
        Path d = work.resolve("c.db");
        Files.write(d, db);
        if (wal != null) {
            Files.write(work.resolve("c.db-wal"), wal);
        }
        return d;
    }

    /** Lets SQLite recover the pair and checkpoint it (PRAGMA wal_checkpoint(FULL): "log" is mxFrame). */
    static Checkpointed checkpoint(Path dir, byte[] db, byte[] wal) throws Exception {
        Path d = pair(dir, db, wal);
        int log;
        int done;
        try (Connection c = open(d); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(FULL)")) {
            r.next();
            if (r.getInt(1) != 0) {
                throw new IllegalStateException("checkpoint busy");
            }
            log = r.getInt(2);
            done = r.getInt(3);
        }
        return new Checkpointed(Files.readAllBytes(d), log, done);
    }

    /** SQLite's PRAGMA page_count for the pair. */
    static long pageCount(Path dir, byte[] db, byte[] wal) throws Exception {
        Path d = pair(dir, db, wal);
        try (Connection c = open(d); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA page_count")) {
            return r.getLong(1);
        }
    }

    /** The WAL cut after frame {@code frames}. */
    static byte[] cut(byte[] wal, int frames) {
        int pageSize = (int) BigEndian.u32(wal, 8);
        return Arrays.copyOf(wal, 32 + frames * (pageSize + 24));
    }

    static int frameOffset(byte[] wal, int frame) {
        int pageSize = (int) BigEndian.u32(wal, 8);
        return 32 + (frame - 1) * (pageSize + 24);
    }

    /** Recomputes the checksums of frames {@code from}..end, chained from frame {@code from - 1}'s stored one. */
    static void rechainFrom(byte[] wal, int from) {
        boolean be = (BigEndian.u32(wal, 0) & 1) != 0;
        int pageSize = (int) BigEndian.u32(wal, 8);
        int frameSize = pageSize + 24;
        int prev = from == 1 ? 24 : frameOffset(wal, from - 1) + 16;
        WalChecksum c = new WalChecksum(BigEndian.u32(wal, prev), BigEndian.u32(wal, prev + 4));
        for (int at = frameOffset(wal, from); at + frameSize <= wal.length; at += frameSize) {
            c = c.update(be, wal, at, 8).update(be, wal, at + 24, pageSize);
            BigEndian.putU32(wal, at + 16, c.s0());
            BigEndian.putU32(wal, at + 20, c.s1());
        }
    }

    static WalFile read(byte[] wal, Path dir) throws IOException {
        Path p = fresh(dir).resolve("r.db-wal");
        Files.write(p, wal);
        try (ReadOnlyFile f = ReadOnlyFile.open(p)) {
            return WalFile.read(f);
        }
    }
}
