package dev.loupe.samples.generate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rewrites a WAL file to use the other checksum byte order (walformat.html §"The WAL file format" / fileformat2
 * §4.1): the magic's low bit says whether the checksum reads the data as big-endian (0x377f0683) or little-endian
 * (0x377f0682) 32-bit words. Everything else stays: salts, frame headers, pages; only the magic, the header
 * checksum and every frame's checksum (a chain seeded by the previous one) are recomputed.
 */
final class WalByteOrder {
    static final int MAGIC_LITTLE_ENDIAN = 0x377f0682;
    static final int MAGIC_BIG_ENDIAN = 0x377f0683;
    private static final int HEADER_SIZE = 32;
    private static final int FRAME_HEADER_SIZE = 24;

    private WalByteOrder() {
    }

    /**
     * Returns a copy of {@code wal} (SQLite's own output, little-endian checksums) with big-endian checksums.
     * Checks the original header and every frame's checksum first: the source is expected to be intact, with
     * no frame after the last valid one.
     */
    static byte[] toBigEndianChecksums(byte[] wal) {
        ByteBuffer in = ByteBuffer.wrap(wal).order(ByteOrder.BIG_ENDIAN);
        if (wal.length < HEADER_SIZE || in.getInt(0) != MAGIC_LITTLE_ENDIAN) {
            throw new IllegalArgumentException("not a WAL with little-endian checksums");
        }
        int pageSize = in.getInt(8);
        int frameSize = FRAME_HEADER_SIZE + pageSize;
        if ((wal.length - HEADER_SIZE) % frameSize != 0) {
            throw new IllegalArgumentException("WAL size " + wal.length + " is not header + whole frames");
        }
        byte[] out = wal.clone();
        ByteBuffer result = ByteBuffer.wrap(out).order(ByteOrder.BIG_ENDIAN);
        result.putInt(0, MAGIC_BIG_ENDIAN);

        int[] oldSum = checksum(wal, 0, 24, new int[2], ByteOrder.LITTLE_ENDIAN);
        expect(in, 24, oldSum, "header");
        int[] newSum = checksum(out, 0, 24, new int[2], ByteOrder.BIG_ENDIAN);
        result.putInt(24, newSum[0]).putInt(28, newSum[1]);

        for (int frame = HEADER_SIZE; frame < wal.length; frame += frameSize) {
            // The frame checksum covers the first 8 bytes of its header, then the page (walformat: frame header).
            oldSum = checksum(wal, frame, 8, oldSum, ByteOrder.LITTLE_ENDIAN);
            oldSum = checksum(wal, frame + FRAME_HEADER_SIZE, pageSize, oldSum, ByteOrder.LITTLE_ENDIAN);
            expect(in, frame + 16, oldSum, "frame at offset " + frame);
            newSum = checksum(out, frame, 8, newSum, ByteOrder.BIG_ENDIAN);
            newSum = checksum(out, frame + FRAME_HEADER_SIZE, pageSize, newSum, ByteOrder.BIG_ENDIAN);
            result.putInt(frame + 16, newSum[0]).putInt(frame + 20, newSum[1]);
        }
        return out;
    }

    /**
     * The WAL checksum over {@code length} bytes (a multiple of 8) read as 32-bit words in {@code order}, continuing
     * from {@code seed}: for each pair of words x0, x1: s0 += x0 + s1; s1 += x1 + s0 (mod 2^32).
     */
    static int[] checksum(byte[] data, int offset, int length, int[] seed, ByteOrder order) {
        ByteBuffer words = ByteBuffer.wrap(data, offset, length).order(order);
        int s0 = seed[0];
        int s1 = seed[1];
        for (int i = offset; i < offset + length; i += 8) {
            s0 += words.getInt(i) + s1;
            s1 += words.getInt(i + 4) + s0;
        }
        return new int[] {s0, s1};
    }

    private static void expect(ByteBuffer wal, int offset, int[] sum, String what) {
        if (wal.getInt(offset) != sum[0] || wal.getInt(offset + 4) != sum[1]) {
            throw new IllegalArgumentException("checksum mismatch in " + what + ": not SQLite's intact output");
        }
    }
}
