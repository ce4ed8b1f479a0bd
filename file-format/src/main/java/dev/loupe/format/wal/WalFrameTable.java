package dev.loupe.format.wal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The frames of a WAL kept as parallel primitive arrays (about 30 bytes a frame) and presented as {@link WalFrame}
 * records on access, so that a WAL of millions of frames does not cost millions of objects. Filled once by
 * {@link WalFile#read}, read-only afterwards.
 */
final class WalFrameTable extends AbstractList<WalFrame> implements RandomAccess {

    private static final byte SALT_OK = 1;
    private static final byte CHECKSUM_OK = 2;

    private final int frameSize;
    private int size;
    private int validCount;
    private int[] pageNumber = new int[16];
    private int[] commitSize = new int[16];
    private int[] salt1 = new int[16];
    private int[] salt2 = new int[16];
    private int[] checksum1 = new int[16];
    private int[] checksum2 = new int[16];
    private int[] commit = new int[16];
    private byte[] flags = new byte[16];

    WalFrameTable(int frameSize) {
        this.frameSize = frameSize;
    }

    void add(long pgno, long dbSize, long s1, long s2, long c1, long c2, boolean saltOk, boolean checksumOk) {
        if (size == pageNumber.length) {
            int n = size * 2;
            pageNumber = Arrays.copyOf(pageNumber, n);
            commitSize = Arrays.copyOf(commitSize, n);
            salt1 = Arrays.copyOf(salt1, n);
            salt2 = Arrays.copyOf(salt2, n);
            checksum1 = Arrays.copyOf(checksum1, n);
            checksum2 = Arrays.copyOf(checksum2, n);
            commit = Arrays.copyOf(commit, n);
            flags = Arrays.copyOf(flags, n);
        }
        pageNumber[size] = (int) pgno;
        commitSize[size] = (int) dbSize;
        salt1[size] = (int) s1;
        salt2[size] = (int) s2;
        checksum1[size] = (int) c1;
        checksum2[size] = (int) c2;
        flags[size] = (byte) ((saltOk ? SALT_OK : 0) | (checksumOk ? CHECKSUM_OK : 0));
        size++;
    }

    /** Marks frames {@code first..last} (1-based) as belonging to valid commit {@code number}. */
    void setCommit(int first, int last, int number) {
        Arrays.fill(commit, first - 1, last, number);
    }

    /** Frames 1..{@code n} are the ones SQLite uses. */
    void setValidCount(int n) {
        validCount = n;
    }

    long pageNumber(int index) {
        return pageNumber[index - 1] & 0xffffffffL;
    }

    @Override
    public WalFrame get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        int index = i + 1;
        return new WalFrame(index, WalHeader.SIZE + (long) i * frameSize, pageNumber[i] & 0xffffffffL,
                commitSize[i] & 0xffffffffL, salt1[i] & 0xffffffffL, salt2[i] & 0xffffffffL,
                checksum1[i] & 0xffffffffL, checksum2[i] & 0xffffffffL, (flags[i] & SALT_OK) != 0,
                (flags[i] & CHECKSUM_OK) != 0, index <= validCount, commit[i]);
    }

    @Override
    public int size() {
        return size;
    }
}
