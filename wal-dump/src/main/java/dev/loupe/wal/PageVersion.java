package dev.loupe.wal;

import dev.loupe.format.Span;

/**
 * One version of a page: the database file's own image ({@code frame == 0}) or the image in WAL frame
 * {@code frame}.
 *
 * @param page   the page number
 * @param frame  1-based frame number, 0 for the database file's image
 * @param commit the valid commit the frame belongs to (1-based), 0 for the database file and for frames SQLite
 *               does not use
 * @param status whether SQLite uses this version
 * @param span   where the image is: the page's bytes in the database file, or the frame's page bytes in the WAL
 *               (both file offsets)
 */
public record PageVersion(long page, int frame, int commit, VersionStatus status, Span span) {

    /** True for the database file's own image. */
    public boolean isDatabaseFile() {
        return frame == 0;
    }

    /** "db" or "frame F", as the CLI accepts them. */
    public String label() {
        return frame == 0 ? "db" : "frame " + frame;
    }
}
