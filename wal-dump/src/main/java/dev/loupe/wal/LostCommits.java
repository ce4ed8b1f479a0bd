package dev.loupe.wal;

/**
 * Committed transactions that SQLite drops without a word: commit frames with this WAL's salts after the frame
 * where the chain breaks. Their numbers continue the valid commits' numbering.
 *
 * @param firstCommit number the first dropped commit would have had (valid commits + 1)
 * @param lastCommit  number of the last dropped commit
 * @param firstFrame  the frame where the chain breaks
 * @param lastFrame   the last dropped commit frame
 */
public record LostCommits(int firstCommit, int lastCommit, int firstFrame, int lastFrame) {

    public int commitCount() {
        return lastCommit - firstCommit + 1;
    }

    public int frameCount() {
        return lastFrame - firstFrame + 1;
    }
}
