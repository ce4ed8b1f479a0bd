package dev.loupe.samples.corrupt;

/** SQLite varints (fileformat2 §1.6): 1..9 bytes, big-endian, 7 bits a byte, the 9th byte 8 bits. */
final class Varints {
    private Varints() {
    }

    static long value(byte[] b, int pos) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int x = b[pos + i] & 0xff;
            v = (v << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        return (v << 8) | (b[pos + 8] & 0xff);
    }

    static int length(byte[] b, int pos) {
        for (int i = 0; i < 8; i++) {
            if ((b[pos + i] & 0x80) == 0) {
                return i + 1;
            }
        }
        return 9;
    }

    /** Writes {@code value} as a varint of exactly {@code len} bytes (< 9), padding with 0x80 continuation bytes. */
    static void put(byte[] b, int pos, int len, long value) {
        if (len >= 9 || value >>> (7 * len) != 0) {
            throw new IllegalArgumentException(value + " does not fit a " + len + "-byte varint");
        }
        for (int i = len - 1; i >= 0; i--) {
            b[pos + i] = (byte) ((value & 0x7f) | (i == len - 1 ? 0 : 0x80));
            value >>>= 7;
        }
    }
}
