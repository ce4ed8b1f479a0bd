package dev.loupe.wal;

import java.util.List;

/**
 * One valid commit of a WAL: its frames, the pages it wrote (with their owners as of the commit) and the database
 * size after it.
 *
 * @param number       1-based over the valid commits
 * @param firstFrame   first frame of the transaction
 * @param lastFrame    its commit frame
 * @param databaseSize database size in pages after the commit (the commit frame's field)
 * @param previousSize database size before it (the previous commit's, or the database file's for commit 1)
 * @param pages        the distinct pages written, ascending
 */
public record CommitInfo(int number, int firstFrame, int lastFrame, long databaseSize, long previousSize,
                         List<CommitPage> pages) {

    public CommitInfo {
        pages = List.copyOf(pages);
    }

    public int frameCount() {
        return lastFrame - firstFrame + 1;
    }
}
