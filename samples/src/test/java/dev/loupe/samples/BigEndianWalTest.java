package dev.loupe.samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * wal-bigendian is wal with big-endian checksums (magic 0x377f0683). SQLite, which verifies the checksum chain of
 * every frame it uses, must read exactly the same rows from both, and must drop a commit whose checksum is broken.
 */
class BigEndianWalTest {
    private static final byte[] MAGIC_LE = {0x37, 0x7f, 0x06, (byte) 0x82};
    private static final byte[] MAGIC_BE = {0x37, 0x7f, 0x06, (byte) 0x83};

    @TempDir
    Path dir;

    @Test
    void sqliteReadsTheSameRowsThroughBothWals() throws Exception {
        Path little = Samples.copyTo(Sample.WAL, dir.resolve("le"));
        Path big = Samples.copyTo(Sample.WAL_BIGENDIAN, dir.resolve("be"));
        try (Sqlite le = Sqlite.open(little); Sqlite be = Sqlite.open(big)) {
            assertThat(be.dump()).isEqualTo(le.dump()).contains("table wal_only", "table ledger");
            assertThat(be.number("SELECT count(*) FROM wal_only WHERE note = 'last commit'")).isOne();
        }
    }

    @Test
    void onlyMagicAndChecksumsDiffer() {
        byte[] little = Samples.walBytes(Sample.WAL);
        byte[] big = Samples.walBytes(Sample.WAL_BIGENDIAN);
        assertThat(Arrays.copyOf(little, 4)).isEqualTo(MAGIC_LE);
        assertThat(Arrays.copyOf(big, 4)).isEqualTo(MAGIC_BE);
        assertThat(Samples.bytes(Sample.WAL_BIGENDIAN)).isEqualTo(Samples.bytes(Sample.WAL));
        assertThat(big).hasSameSizeAs(little);
        byte[] l = withoutMagicAndChecksums(little);
        byte[] b = withoutMagicAndChecksums(big);
        assertThat(b).isEqualTo(l);
        assertThat(Arrays.copyOfRange(big, 24, 32)).isNotEqualTo(Arrays.copyOfRange(little, 24, 32));
    }

    @Test
    void sqliteDropsTheLastCommitWhenItsBigEndianChecksumIsBroken() throws Exception {
        byte[] wal = Samples.walBytes(Sample.WAL_BIGENDIAN);
        int last = WalFrames.frameOffset(wal, WalFrames.frameCount(wal) - 1);
        assertThat(readInt(wal, last + 4)).as("last frame is a commit frame").isPositive();
        wal[last + 23] ^= 1;
        Path db = Samples.copyTo(Sample.WAL_BIGENDIAN, dir);
        Files.write(dir.resolve(Sample.WAL_BIGENDIAN.fileName() + "-wal"), wal);
        try (Sqlite sqlite = Sqlite.open(db)) {
            assertThat(sqlite.number("SELECT count(*) FROM wal_only WHERE note = 'last commit'")).isZero();
            assertThat(sqlite.number("SELECT count(*) FROM wal_only")).isEqualTo(28);
        }
    }

    private static byte[] withoutMagicAndChecksums(byte[] wal) {
        byte[] masked = wal.clone();
        Arrays.fill(masked, 0, 4, (byte) 0);
        Arrays.fill(masked, 24, 32, (byte) 0);
        for (int frame = 0; frame < WalFrames.frameCount(wal); frame++) {
            int offset = WalFrames.frameOffset(wal, frame);
            Arrays.fill(masked, offset + 16, offset + 24, (byte) 0);
        }
        return masked;
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }
}
