package dev.loupe.wal;

import dev.loupe.format.Span;

/**
 * A run of frames SQLite does not use, and why.
 *
 * @param reason     why
 * @param firstFrame first frame of the run (for {@link IgnoreReason#PARTIAL_FRAME}: the frame number the partial
 *                   bytes would have had)
 * @param lastFrame  last frame of the run (equal to {@code firstFrame} for a partial frame)
 * @param span       the bytes that decide it: the bad header field, the frame's salts, page number or checksum, the
 *                   uncommitted frames, the partial bytes
 * @param message    one sentence, naming the frame
 */
public record IgnoredFrames(IgnoreReason reason, int firstFrame, int lastFrame, Span span, String message) {

    /** Whole frames in the run (0 for a partial frame). */
    public int frameCount() {
        return reason == IgnoreReason.PARTIAL_FRAME ? 0 : lastFrame - firstFrame + 1;
    }
}
