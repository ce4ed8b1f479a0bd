package dev.loupe.format.wal;

/**
 * The running checksum of walformat §"Checksum Algorithm": over the input taken as 32-bit words x[0], x[1], ...,
 * {@code s0 += x[i] + s1; s1 += x[i+1] + s0} for each pair, modulo 2^32. The WAL header's checksum starts from
 * (0, 0); each frame's checksum continues from the one before it (the header's for frame 1), over the first 8
 * bytes of the frame header and then the page data.
 *
 * <p>The words are big-endian when the WAL magic is 0x377f0683 and little-endian when it is 0x377f0682; the
 * wal-index header uses the byte order of the machine that wrote the -shm. Immutable: {@link #update} returns
 * the continued checksum.
 *
 * @param s0 the first checksum word (stored as checksum-1), unsigned
 * @param s1 the second checksum word (stored as checksum-2), unsigned
 */
public record WalChecksum(long s0, long s1) {

    /** Where the WAL header's checksum starts. */
    public static final WalChecksum ZERO = new WalChecksum(0, 0);

    public WalChecksum {
        if ((s0 >>> 32) != 0 || (s1 >>> 32) != 0) {
            throw new IllegalArgumentException("checksum words are unsigned 32-bit values");
        }
    }

    /** The checksum of {@code len} bytes at {@code off}, started from (0, 0). */
    public static WalChecksum of(boolean bigEndian, byte[] b, int off, int len) {
        return ZERO.update(bigEndian, b, off, len);
    }

    /**
     * This checksum continued over {@code len} bytes at {@code off}; {@code len} must be a multiple of 8, as
     * everything SQLite checksums is (24-byte header prefix, 8-byte frame header prefix, pages of 512..65536).
     */
    public WalChecksum update(boolean bigEndian, byte[] b, int off, int len) {
        if (len % 8 != 0 || off < 0 || len < 0 || off + len > b.length) {
            throw new IllegalArgumentException("checksum over " + len + " bytes at " + off + " of " + b.length);
        }
        int a = (int) s0;
        int c = (int) s1;
        int end = off + len;
        if (bigEndian) {
            for (int i = off; i < end; i += 8) {
                a += wordBe(b, i) + c;
                c += wordBe(b, i + 4) + a;
            }
        } else {
            for (int i = off; i < end; i += 8) {
                a += wordLe(b, i) + c;
                c += wordLe(b, i + 4) + a;
            }
        }
        return new WalChecksum(a & 0xffffffffL, c & 0xffffffffL);
    }

    /** Whether this checksum equals the stored pair. */
    public boolean matches(long checksum1, long checksum2) {
        return s0 == checksum1 && s1 == checksum2;
    }

    @Override
    public String toString() {
        return String.format("(0x%08x, 0x%08x)", s0, s1);
    }

    private static int wordBe(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    private static int wordLe(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | ((b[i + 3] & 0xff) << 24);
    }
}
