package dev.loupe.format.wal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.Span;

/**
 * One of the two 48-byte copies of the wal-index header at the start of the -shm file (walformat §"The WAL-Index
 * Header", wal.c struct WalIndexHdr), in the -shm's native byte order. SQLite writes copy 2 (offset 48) then copy
 * 1 (offset 0); a reader trusts them only when both are identical, {@code isInit} is set and the checksum holds.
 *
 * @param copy        1 for the copy at offset 0, 2 for the copy at offset 48
 * @param iVersion    wal-index format version, 3007000
 * @param unused      bytes 4..7, padding
 * @param iChange     incremented by each transaction
 * @param isInit      1 once the header has been written
 * @param bigEndCksum 1 when the WAL's checksums are over big-endian words (the WAL magic's low bit)
 * @param szPage      page size as stored (u16; 1 means 65536)
 * @param mxFrame     last valid commit frame of the WAL
 * @param nPage       database size in pages
 * @param frameCksum1 checksum of frame mxFrame, first word (aFrameCksum[0])
 * @param frameCksum2 second word (aFrameCksum[1])
 * @param salt1       salt-1 of the WAL header; stored as the WAL header's bytes, read here big-endian so that it
 *                    compares equal to {@link WalHeader#salt1()}
 * @param salt2       salt-2, likewise
 * @param cksum1      stored checksum of bytes 0..39 of this copy, first word (aCksum[0])
 * @param cksum2      second word (aCksum[1])
 * @param checksumOk  the stored checksum equals the one computed over bytes 0..39 in native byte order
 */
public record WalIndexHeader(int copy, long iVersion, long unused, long iChange, int isInit, int bigEndCksum,
                             int szPage, long mxFrame, long nPage, long frameCksum1, long frameCksum2, long salt1,
                             long salt2, long cksum1, long cksum2, boolean checksumOk) {

    public static final int SIZE = 48;
    public static final long VERSION = 3007000L;

    static WalIndexHeader decode(byte[] b, int copy, ShmByteOrder order) {
        int o = (copy - 1) * SIZE;
        long c1 = order.u32(b, o + 40);
        long c2 = order.u32(b, o + 44);
        boolean ok = WalChecksum.ZERO.update(order.bigEndian(), b, o, 40).matches(c1, c2);
        return new WalIndexHeader(copy, order.u32(b, o), order.u32(b, o + 4), order.u32(b, o + 8),
                b[o + 12] & 0xff, b[o + 13] & 0xff, order.u16(b, o + 14), order.u32(b, o + 16),
                order.u32(b, o + 20), order.u32(b, o + 24), order.u32(b, o + 28), BigEndian.u32(b, o + 32),
                BigEndian.u32(b, o + 36), c1, c2, ok);
    }

    /** The page size {@code szPage} stands for (1 means 65536, as walIndexRecover stores it). */
    public int pageSize() {
        return szPage == 1 ? 65536 : szPage;
    }

    private long base() {
        return (long) (copy - 1) * SIZE;
    }

    public Span span() {
        return Span.inFile(base(), SIZE);
    }

    public Span iVersionSpan() {
        return Span.inFile(base(), 4);
    }

    public Span iChangeSpan() {
        return Span.inFile(base() + 8, 4);
    }

    public Span isInitSpan() {
        return Span.inFile(base() + 12, 1);
    }

    public Span bigEndCksumSpan() {
        return Span.inFile(base() + 13, 1);
    }

    public Span szPageSpan() {
        return Span.inFile(base() + 14, 2);
    }

    public Span mxFrameSpan() {
        return Span.inFile(base() + 16, 4);
    }

    public Span nPageSpan() {
        return Span.inFile(base() + 20, 4);
    }

    public Span frameCksumSpan() {
        return Span.inFile(base() + 24, 8);
    }

    public Span saltSpan() {
        return Span.inFile(base() + 32, 8);
    }

    public Span cksumSpan() {
        return Span.inFile(base() + 40, 8);
    }
}
