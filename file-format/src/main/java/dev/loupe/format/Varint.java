package dev.loupe.format;

/**
 * SQLite's variable-length integer (fileformat2 §1.6 "varint"): 1..9 bytes, big-endian, seven bits per byte with
 * the high bit meaning "more follows"; a ninth byte contributes all eight bits.
 */
public final class Varint {

    /** Bit layout of a decode result: value in the caller's long, length returned separately. */
    private Varint() {
    }

    /**
     * Length in bytes of the varint at {@code off}, reading no further than {@code limit} (exclusive).
     * Returns 0 if the varint runs past {@code limit} (truncated).
     */
    public static int length(byte[] b, int off, int limit) {
        int max = Math.min(9, limit - off); // bytes available, at most the 9 a varint can take
        for (int i = 0; i < max; i++) {
            if (b[off + i] >= 0) { // high bit clear: the last byte
                return i + 1;
            }
        }
        return max == 9 ? 9 : 0; // the ninth byte ends a varint whatever its high bit
    }

    /** Value of the varint at {@code off}; call {@link #length} first to know it fits before {@code limit}. */
    public static long value(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int x = b[off + i] & 0xff;
            v = (v << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        return (v << 8) | (b[off + 8] & 0xff);
    }

    /**
     * Reads a varint's value and length in one pass, as {@link #length} and {@link #value} read them (at most 9
     * bytes, the ninth contributing all eight bits, nothing at or past {@code limit}), for loops over millions of
     * cells where reading each varint twice shows. Mutable: one per reader, reused.
     */
    public static final class OnePass {
        private long value;

        /** The length of the varint at {@code off}, 0 if it runs into {@code limit}; its value is {@link #value()}. */
        public int read(byte[] b, int off, int limit) {
            if (off < limit && b[off] >= 0) {
                // one byte: most payload sizes, serial types and small rowids
                value = b[off];
                return 1;
            }
            int max = Math.min(9, limit - off);
            long v = 0;
            for (int i = 0; i < max; i++) {
                int x = b[off + i] & 0xff;
                if (i == 8) {
                    value = (v << 8) | x;
                    return 9;
                }
                v = (v << 7) | (x & 0x7f);
                if (x < 0x80) {
                    value = v;
                    return i + 1;
                }
            }
            return 0;
        }

        /** The value of the varint {@link #read} read last (meaningless after a 0 return). */
        public long value() {
            return value;
        }
    }

    /** Number of bytes {@link #write} uses for {@code v}. */
    public static int sizeOf(long v) {
        if ((v & ~0x7fL) == 0) {
            return 1;
        }
        if (v < 0 || (v >>> 56) != 0) {
            return 9;
        }
        int n = 1;
        long x = v >>> 7;
        while (x != 0) {
            n++;
            x >>>= 7;
        }
        return n;
    }

    /** Writes {@code v} at {@code off} and returns the number of bytes written. */
    public static int write(long v, byte[] b, int off) {
        int n = sizeOf(v);
        if (n == 9) {
            b[off + 8] = (byte) v;
            long x = v >>> 8;
            for (int i = 7; i >= 0; i--) {
                b[off + i] = (byte) ((x & 0x7f) | 0x80);
                x >>>= 7;
            }
            return 9;
        }
        long x = v;
        for (int i = n - 1; i >= 0; i--) {
            b[off + i] = (byte) ((x & 0x7f) | (i == n - 1 ? 0 : 0x80));
            x >>>= 7;
        }
        return n;
    }
}
