package dev.loupe.samples.corrupt;

/** The WAL checksum of walformat §4.1: s0 += x[i] + s1; s1 += x[i+1] + s0 over 32-bit words, chained. */
final class WalChecksum {
    private WalChecksum() {
    }

    static long[] of(byte[] b, int from, int length, boolean bigEndian, long s0, long s1) {
        long a = s0;
        long c = s1;
        for (int i = from; i < from + length; i += 8) {
            a = (a + word(b, i, bigEndian) + c) & 0xffffffffL;
            c = (c + word(b, i + 4, bigEndian) + a) & 0xffffffffL;
        }
        return new long[] {a, c};
    }

    private static long word(byte[] b, int i, boolean bigEndian) {
        long x0 = b[i] & 0xff;
        long x1 = b[i + 1] & 0xff;
        long x2 = b[i + 2] & 0xff;
        long x3 = b[i + 3] & 0xff;
        return bigEndian ? (x0 << 24) | (x1 << 16) | (x2 << 8) | x3 : (x3 << 24) | (x2 << 16) | (x1 << 8) | x0;
    }
}
