package dev.loupe.format.wal;

import java.util.Arrays;

/**
 * A committed transaction in the valid part of a WAL: the frames after the previous commit frame up to and including
 * a commit frame (one whose commit-size field is non-zero).
 *
 * @param number       1-based, in WAL order
 * @param firstFrame   first frame of the transaction
 * @param lastFrame    its commit frame
 * @param databaseSize database size in pages after the commit (the commit frame's commit-size field)
 * @param pages        the distinct page numbers the transaction wrote, ascending
 */
public record WalCommit(int number, int firstFrame, int lastFrame, long databaseSize, long[] pages) {

    public WalCommit {
        pages = pages.clone();
    }

    @Override
    public long[] pages() {
        return pages.clone();
    }

    public int frameCount() {
        return lastFrame - firstFrame + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalCommit c && number == c.number && firstFrame == c.firstFrame
                && lastFrame == c.lastFrame && databaseSize == c.databaseSize && Arrays.equals(pages, c.pages);
    }

    @Override
    public int hashCode() {
        return ((number * 31 + firstFrame) * 31 + lastFrame) * 31 + Long.hashCode(databaseSize) * 31
                + Arrays.hashCode(pages);
    }

    @Override
    public String toString() {
        return "WalCommit[number=" + number + ", frames=" + firstFrame + ".." + lastFrame + ", databaseSize="
                + databaseSize + ", pages=" + Arrays.toString(pages) + "]";
    }
}
