package dev.loupe.cli;

import dev.loupe.format.Progress;

import java.io.PrintWriter;

/**
 * Progress in commits on stderr (for {@code wal bisect}), only when a person is watching: a terminal and the text
 * format. One line rewritten in place at most every 200 ms, cleared at the end. The {@link Progress} callback's
 * "pages" are commits here.
 */
final class CommitProgress implements Progress, AutoCloseable {

    private final PrintWriter err;
    private final boolean enabled;
    private long lastNanos = System.nanoTime();
    private boolean shown;

    private CommitProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    static CommitProgress of(PrintWriter err, boolean textFormat) {
        return new CommitProgress(err, textFormat && System.console() != null);
    }

    @Override
    public void pages(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastNanos < 200_000_000L) {
            return;
        }
        lastNanos = now;
        err.printf("\rloupe: checking commit %,d of %,d", done - 1, total - 1);
        err.flush();
        shown = true;
    }

    @Override
    public void close() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
