package dev.loupe.format.wal;

import dev.loupe.format.BigEndian;

/** Test support: recomputes a WAL's checksums in place, the way SQLite writes them, in either word order. */
final class WalRewrite {

    private WalRewrite() {
    }

    /** Recomputes the header checksum only. */
    static void rechainHeaderOnly(byte[] wal, boolean bigEndian) {
        WalChecksum h = WalChecksum.of(bigEndian, wal, 0, 24);
        BigEndian.putU32(wal, 24, h.s0());
        BigEndian.putU32(wal, 28, h.s1());
    }

    /** Recomputes the header checksum and the checksum of every whole frame, chained. */
    static void rechain(byte[] wal, boolean bigEndian) {
        rechainHeaderOnly(wal, bigEndian);
        int pageSize = (int) BigEndian.u32(wal, 8);
        int frameSize = pageSize + 24;
        WalChecksum c = new WalChecksum(BigEndian.u32(wal, 24), BigEndian.u32(wal, 28));
        for (int at = 32; at + frameSize <= wal.length; at += frameSize) {
            c = c.update(bigEndian, wal, at, 8).update(bigEndian, wal, at + 24, pageSize);
            BigEndian.putU32(wal, at + 16, c.s0());
            BigEndian.putU32(wal, at + 20, c.s1());
        }
    }
}
