package dev.loupe.format;

/** Big-endian integer reads; the whole SQLite file format is big-endian. Callers check bounds first. */
public final class BigEndian {

    private BigEndian() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    public static int u24(byte[] b, int off) {
        return ((b[off] & 0xff) << 16) | ((b[off + 1] & 0xff) << 8) | (b[off + 2] & 0xff);
    }

    /** An unsigned 32-bit value (page numbers, counts) widened to long. */
    public static long u32(byte[] b, int off) {
        return i32(b, off) & 0xffffffffL;
    }

    public static int i32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    /** A signed big-endian two's-complement integer of {@code n} bytes (1..8), as record serial types 1..6 store. */
    public static long signed(byte[] b, int off, int n) {
        long v = b[off]; // sign-extends the first byte
        for (int i = 1; i < n; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    public static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
