package dev.loupe.wal;

import dev.loupe.format.wal.WalFrame;

/**
 * One row of the frame table: the decoded frame and what SQLite makes of it.
 *
 * @param frame      the frame as decoded (page number, commit size, salts, checksums, their spans)
 * @param status     valid, uncommitted, the break, after the break, or under a bad header
 * @param commit     the valid commit the frame belongs to, 0 if none
 * @param lostCommit the number the dropped commit holding this frame would have had (see {@link LostCommits}), 0
 *                   if the frame is in none
 */
public record FrameRow(WalFrame frame, FrameStatus status, int commit, int lostCommit) {
}
