package dev.loupe.format.wal;

import dev.loupe.format.page.FilePageSource;
import dev.loupe.format.page.ReadOnlyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

import static dev.loupe.format.wal.WalViews.readWal;
import static org.assertj.core.api.Assertions.assertThat;

/** The -shm SQLite keeps while a connection is open, decoded and checked against the WAL it indexes. */
class ShmFileTest {

    @TempDir
    Path dir;

    static ShmFile readShm(Path p) throws Exception {
        try (ReadOnlyFile f = ReadOnlyFile.open(p)) {
            return ShmFile.read(f);
        }
    }

    private Path copy(Path from, String name) throws Exception {
        Path to = Files.createDirectories(dir.resolve("copies")).resolve(name);
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    @Test
    void headerMatchesTheWalAndCheckpointMovesNBackfill() throws Exception {
        Path db = dir.resolve("s.db");
        try (Connection c = SqliteWal.open(db); Statement s = c.createStatement()) {
            SqliteWal.startWal(s, 4096);
            SqliteWal.populate(c, s, 30, new Random(3));
            Path shmCopy = copy(Path.of(db + "-shm"), "before.db-shm");
            Path walCopy = copy(Path.of(db + "-wal"), "s.db-wal");
            Path dbCopy = copy(db, "s.db");

            ShmFile shm = readShm(shmCopy);
            WalFile wal = readWal(walCopy);
            WalHeader walHeader = wal.header().orElseThrow();
            assertThat(shm.problems()).isEmpty();
            assertThat(shm.bigEndian()).isFalse();
            assertThat(shm.headers()).hasSize(2);
            assertThat(shm.copiesAgree()).isTrue();
            WalIndexHeader h = shm.headers().get(0);
            assertThat(h.checksumOk()).isTrue();
            assertThat(shm.headers().get(1).checksumOk()).isTrue();
            assertThat(h.iVersion()).isEqualTo(3007000);
            assertThat(h.isInit()).isEqualTo(1);
            assertThat(h.bigEndCksum()).isZero();
            assertThat(h.pageSize()).isEqualTo(4096);
            assertThat(h.mxFrame()).isEqualTo(wal.validFrameCount()).isPositive();
            assertThat(h.nPage()).isEqualTo(wal.commits().get(wal.commits().size() - 1).databaseSize());
            assertThat(h.salt1()).isEqualTo(walHeader.salt1());
            assertThat(h.salt2()).isEqualTo(walHeader.salt2());
            WalFrame last = wal.frames().get(wal.validFrameCount() - 1);
            assertThat(h.frameCksum1()).isEqualTo(last.checksum1());
            assertThat(h.frameCksum2()).isEqualTo(last.checksum2());
            WalCheckpointInfo info = shm.checkpointInfo().orElseThrow();
            assertThat(info.nBackfill()).isZero();
            assertThat(info.readMark(0)).isZero();
            assertIndexMatchesWal(shm, wal, dbCopy, walCopy, 4096);

            long log;
            long checkpointed;
            try (ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                r.next();
                log = r.getLong(2);
                checkpointed = r.getLong(3);
            }
            ShmFile after = readShm(copy(Path.of(db + "-shm"), "after.db-shm"));
            assertThat(checkpointed).isEqualTo(log).isEqualTo(h.mxFrame());
            assertThat(after.headers().get(0).mxFrame()).isEqualTo(log);
            assertThat(after.checkpointInfo().orElseThrow().nBackfill()).isEqualTo(checkpointed);
            assertThat(after.checkpointInfo().orElseThrow().nBackfillAttempted()).isEqualTo(checkpointed);
        }
    }

    /** More than 4062 frames: the index continues in a second 32 KiB block. */
    @Test
    void laterHashBlocksIndexLaterFrames() throws Exception {
        Path db = dir.resolve("big.db");
        try (Connection c = SqliteWal.open(db); Statement s = c.createStatement()) {
            SqliteWal.startWal(s, 512);
            SqliteWal.insertRows(c, 4500, 300, new Random(5));
            SqliteWal.populate(c, s, 12, new Random(6));
            Path shmCopy = copy(Path.of(db + "-shm"), "big.db-shm");
            Path walCopy = copy(Path.of(db + "-wal"), "big.db-wal");
            Path dbCopy = copy(db, "big.db");

            ShmFile shm = readShm(shmCopy);
            WalFile wal = readWal(walCopy);
            assertThat(wal.validFrameCount()).isGreaterThan(ShmHashBlock.NPAGE_ONE);
            assertThat(shm.hashBlocks()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(shm.hashBlocks().get(1).firstFrame()).isEqualTo(ShmHashBlock.NPAGE_ONE + 1);
            assertThat(shm.headers().get(0).mxFrame()).isEqualTo(wal.validFrameCount());
            assertIndexMatchesWal(shm, wal, dbCopy, walCopy, 512);
        }
    }

    /** Seeded random damage and truncation of a real -shm: decoding never throws and stays bounded. */
    @Test
    void damagedShmFilesDecodeWithoutExceptions() throws Exception {
        Path db = dir.resolve("m.db");
        byte[] shmBytes;
        try (Connection c = SqliteWal.open(db); Statement s = c.createStatement()) {
            SqliteWal.startWal(s, 1024);
            SqliteWal.populate(c, s, 12, new Random(8));
            shmBytes = Files.readAllBytes(Path.of(db + "-shm"));
        }
        Path mutant = dir.resolve("mutant-shm");
        Random r = new Random(11);
        for (int i = 0; i < 200; i++) {
            byte[] b = r.nextInt(3) == 0 ? java.util.Arrays.copyOf(shmBytes, r.nextInt(shmBytes.length))
                    : shmBytes.clone();
            for (int k = r.nextInt(6); k > 0 && b.length > 0; k--) {
                b[r.nextInt(Math.min(b.length, r.nextBoolean() ? 136 : b.length))] = (byte) r.nextInt(256);
            }
            Files.write(mutant, b);
            ShmFile shm = readShm(mutant);
            assertThat(shm.headers().size()).isLessThanOrEqualTo(2);
            for (long p = 1; p < 50; p++) {
                assertThat(shm.lookup(p, 0xffffffffL)).isGreaterThanOrEqualTo(0);
            }
            if (b.length >= 96 && !java.util.Arrays.equals(b, 0, 48, b, 48, 96)) {
                assertThat(shm.copiesAgree()).isFalse();
            }
        }
    }

    /**
     * aPgno holds each valid frame's page number, and looking pages up through aHash (as a reader does) finds the
     * frame our WalPageSource picked.
     */
    private static void assertIndexMatchesWal(ShmFile shm, WalFile wal, Path db, Path walPath, int pageSize)
            throws Exception {
        long mxFrame = shm.headers().get(0).mxFrame();
        for (int i = 1; i <= mxFrame; i++) {
            assertThat(shm.pgnoOfFrame(i)).as("aPgno of frame %d", i).isEqualTo(wal.frames().get(i - 1).pageNumber());
        }
        try (ReadOnlyFile dbFile = ReadOnlyFile.open(db); ReadOnlyFile walFile = ReadOnlyFile.open(walPath)) {
            WalPageSource view = new WalPageSource(new FilePageSource(dbFile, pageSize, false), wal, walFile,
                    WalPageSource.latestCommit(wal));
            for (long p = 1; p <= view.pageCount(); p++) {
                assertThat(shm.lookup(p, mxFrame)).as("frame of page %d", p).isEqualTo(view.frameFor(p));
            }
        }
    }
}
