package dev.loupe.samples;

import java.util.Arrays;

/** WAL layout facts the tests need (walformat: 32-byte header, frames of a 24-byte header plus one page). */
final class WalFrames {
    static final int HEADER_SIZE = 32;
    static final int FRAME_HEADER_SIZE = 24;

    private WalFrames() {
    }

    static int pageSize(byte[] wal) {
        return (wal[8] & 0xff) << 24 | (wal[9] & 0xff) << 16 | (wal[10] & 0xff) << 8 | wal[11] & 0xff;
    }

    static int frameCount(byte[] wal) {
        return (wal.length - HEADER_SIZE) / (FRAME_HEADER_SIZE + pageSize(wal));
    }

    static int frameOffset(byte[] wal, int frame) {
        return HEADER_SIZE + frame * (FRAME_HEADER_SIZE + pageSize(wal));
    }

    /** A copy with what SQLite draws at random (salts) and what depends on it (checksums) zeroed. */
    static byte[] withoutSaltsAndChecksums(byte[] wal) {
        byte[] masked = wal.clone();
        Arrays.fill(masked, 16, 32, (byte) 0);
        for (int frame = 0; frame < frameCount(wal); frame++) {
            int offset = frameOffset(wal, frame);
            Arrays.fill(masked, offset + 8, offset + 24, (byte) 0);
        }
        return masked;
    }
}
