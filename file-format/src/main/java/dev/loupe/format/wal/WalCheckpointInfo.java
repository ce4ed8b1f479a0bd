package dev.loupe.format.wal;

import dev.loupe.format.Span;

import java.util.Arrays;

/**
 * The checkpoint information after the two header copies, bytes 96..135 of the -shm (wal.c struct WalCkptInfo),
 * in the -shm's native byte order.
 *
 * @param nBackfill          frames already copied back into the database
 * @param aReadMark          the five reader marks; 0xffffffff means unused, aReadMark[0] is always 0
 * @param aLock              the eight lock bytes at 120..127, never written by SQLite (locks are taken on them)
 * @param nBackfillAttempted the most frames a checkpoint has tried to copy back
 * @param notUsed0           bytes 132..135
 */
public record WalCheckpointInfo(long nBackfill, long[] aReadMark, byte[] aLock, long nBackfillAttempted,
                                long notUsed0) {

    public static final int OFFSET = 96;
    public static final int SIZE = 40;
    public static final long READMARK_NOT_USED = 0xffffffffL;

    public WalCheckpointInfo {
        aReadMark = aReadMark.clone();
        aLock = aLock.clone();
    }

    static WalCheckpointInfo decode(byte[] b, ShmByteOrder order) {
        long[] marks = new long[5];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = order.u32(b, 100 + 4 * i);
        }
        return new WalCheckpointInfo(order.u32(b, 96), marks, Arrays.copyOfRange(b, 120, 128), order.u32(b, 128),
                order.u32(b, 132));
    }

    @Override
    public long[] aReadMark() {
        return aReadMark.clone();
    }

    @Override
    public byte[] aLock() {
        return aLock.clone();
    }

    public long readMark(int i) {
        return aReadMark[i];
    }

    public Span nBackfillSpan() {
        return Span.inFile(96, 4);
    }

    public Span readMarkSpan(int i) {
        return Span.inFile(100 + 4L * i, 4);
    }

    public Span lockSpan() {
        return Span.inFile(120, 8);
    }

    public Span nBackfillAttemptedSpan() {
        return Span.inFile(128, 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalCheckpointInfo c && nBackfill == c.nBackfill && Arrays.equals(aReadMark, c.aReadMark)
                && Arrays.equals(aLock, c.aLock) && nBackfillAttempted == c.nBackfillAttempted
                && notUsed0 == c.notUsed0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nBackfill) * 31 + Arrays.hashCode(aReadMark) * 7 + Long.hashCode(nBackfillAttempted);
    }

    @Override
    public String toString() {
        return "WalCheckpointInfo[nBackfill=" + nBackfill + ", aReadMark=" + Arrays.toString(aReadMark)
                + ", aLock=" + Arrays.toString(aLock) + ", nBackfillAttempted=" + nBackfillAttempted + "]";
    }
}
