package dev.loupe.format.wal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Span;

/**
 * The 32-byte WAL header (walformat §"WAL File Format"), eight big-endian 32-bit fields at file offset 0.
 *
 * @param magic              0x377f0682 (checksums over little-endian words) or 0x377f0683 (big-endian words)
 * @param bigEndianChecksum  the magic's low bit: checksum words are big-endian
 * @param formatVersion      3007000 is the only version SQLite writes and reads
 * @param pageSize           database page size as stored (a full 32-bit value: 65536 is stored as 65536)
 * @param checkpointSequence incremented by each checkpoint that restarts the WAL
 * @param salt1              random, incremented by each WAL restart; every valid frame repeats it
 * @param salt2              a fresh random value at each WAL restart; every valid frame repeats it
 * @param checksum1          first word of the checksum of bytes 0..23, as stored
 * @param checksum2          second word of that checksum, as stored
 * @param headerChecksumOk   whether the stored checksum equals the one computed over bytes 0..23
 */
public record WalHeader(long magic, boolean bigEndianChecksum, long formatVersion, long pageSize,
                        long checkpointSequence, long salt1, long salt2, long checksum1, long checksum2,
                        boolean headerChecksumOk) {

    public static final int SIZE = 32;
    /** Magic with checksums over little-endian words; the low bit set means big-endian words. */
    public static final long MAGIC_LE = 0x377f0682L;
    public static final long MAGIC_BE = 0x377f0683L;
    /** WAL_MAX_VERSION in wal.c. */
    public static final long VERSION = 3007000L;

    /** Decodes the first 32 bytes of {@code b}, which must hold at least 32 bytes. */
    public static WalHeader decode(byte[] b) {
        long magic = BigEndian.u32(b, 0);
        boolean bigEndian = (magic & 1) != 0;
        long checksum1 = BigEndian.u32(b, 24);
        long checksum2 = BigEndian.u32(b, 28);
        boolean ok = WalChecksum.of(bigEndian, b, 0, 24).matches(checksum1, checksum2);
        return new WalHeader(magic, bigEndian, BigEndian.u32(b, 4), BigEndian.u32(b, 8), BigEndian.u32(b, 12),
                BigEndian.u32(b, 16), BigEndian.u32(b, 20), checksum1, checksum2, ok);
    }

    /** Whether the magic is one of the two SQLite accepts (wal.c compares {@code magic & 0xFFFFFFFE}). */
    public boolean magicOk() {
        return (magic & 0xfffffffeL) == MAGIC_LE;
    }

    /** Whether the page size is one SQLite accepts in a WAL: a power of two from 512 to 65536. */
    public boolean pageSizeOk() {
        return pageSize >= 512 && pageSize <= 65536 && Long.bitCount(pageSize) == 1;
    }

    public boolean versionOk() {
        return formatVersion == VERSION;
    }

    /** The checksum stored in the header, from which frame 1's checksum continues. */
    public WalChecksum storedChecksum() {
        return new WalChecksum(checksum1, checksum2);
    }

    public Span magicSpan() {
        return Span.inFile(0, 4);
    }

    public Span formatVersionSpan() {
        return Span.inFile(4, 4);
    }

    public Span pageSizeSpan() {
        return Span.inFile(8, 4);
    }

    public Span checkpointSequenceSpan() {
        return Span.inFile(12, 4);
    }

    public Span salt1Span() {
        return Span.inFile(16, 4);
    }

    public Span salt2Span() {
        return Span.inFile(20, 4);
    }

    public Span checksum1Span() {
        return Span.inFile(24, 4);
    }

    public Span checksum2Span() {
        return Span.inFile(28, 4);
    }

    public Span span() {
        return Span.inFile(0, SIZE);
    }
}
