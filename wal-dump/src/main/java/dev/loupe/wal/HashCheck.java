package dev.loupe.wal;

import dev.loupe.format.Problem;

import java.util.List;

/**
 * The -shm hash tables checked against the WAL (walformat §"Hash Tables"): for each frame 1..{@code framesChecked},
 * the page-number array must hold the frame's page, and probing the block's hash table from that page's hash slot
 * (wal.c sqlite3WalFindFrame) must reach the frame before an empty slot.
 *
 * @param framesChecked  frames checked: the -shm's mxFrame, bounded by the WAL's frame count
 * @param pgnoMismatches frames whose aPgno entry is missing or names another page
 * @param hashMisses     frames the hash table does not lead to
 * @param problems       the first {@link #MAX_PROBLEMS} mismatches, each at its aPgno entry or hash block
 */
public record HashCheck(long framesChecked, long pgnoMismatches, long hashMisses, List<Problem> problems) {

    public static final int MAX_PROBLEMS = 100;

    public HashCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return pgnoMismatches == 0 && hashMisses == 0;
    }
}
