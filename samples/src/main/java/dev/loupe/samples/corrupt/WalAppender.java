package dev.loupe.samples.corrupt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fixture for tests across modules: appends frames to a copy of an existing WAL the way SQLite writes them (walformat §"WAL File
 * Format", "Checksum Algorithm"): the header's salts, and checksums chained from the previous frame's over the
 * first 8 bytes of the frame header and the page, in the byte order the magic names (0x377f0683 big-endian,
 * 0x377f0682 little-endian). Used to put a damaged page image behind a valid checksum.
 */
public final class WalAppender {

    private final ByteArrayOutputStream wal = new ByteArrayOutputStream();
    private final boolean bigEndian;
    private final int pageSize;
    private final byte[] salts = new byte[8];
    private int s0;
    private int s1;

    /** Starts from the WAL bytes in {@code source}, cut after {@code frames} frames. */
    public WalAppender(Path source, int frames) throws IOException {
        byte[] b = Files.readAllBytes(source);
        bigEndian = u32(b, 0) == 0x377f0683L;
        pageSize = (int) u32(b, 8);
        System.arraycopy(b, 16, salts, 0, 8);
        int length = 32 + frames * (24 + pageSize);
        wal.write(b, 0, length);
        int last = frames == 0 ? 24 : length - pageSize - 8;
        s0 = (int) u32(b, last);
        s1 = (int) u32(b, last + 4);
    }

    /** Appends a frame for page {@code pgno}; {@code commitSize} non-zero makes it a commit frame. */
    public WalAppender frame(long pgno, long commitSize, byte[] page) {
        byte[] h = new byte[24];
        put(h, 0, pgno);
        put(h, 4, commitSize);
        System.arraycopy(salts, 0, h, 8, 8);
        checksum(h, 0, 8);
        checksum(page, 0, pageSize);
        put(h, 16, s0 & 0xffffffffL);
        put(h, 20, s1 & 0xffffffffL);
        wal.write(h, 0, 24);
        wal.write(page, 0, pageSize);
        return this;
    }

    public void writeTo(Path out) throws IOException {
        Files.write(out, wal.toByteArray());
    }

    private void checksum(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i += 8) {
            s0 += word(b, i) + s1;
            s1 += word(b, i + 4) + s0;
        }
    }

    private int word(byte[] b, int i) {
        return bigEndian ? (int) u32(b, i)
                : (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    private static long u32(byte[] b, int i) {
        return ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xffL) << 16) | ((b[i + 2] & 0xffL) << 8) | (b[i + 3] & 0xffL);
    }

    private static void put(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }
}
