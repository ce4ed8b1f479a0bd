package dev.loupe.cli;

import dev.loupe.format.Progress;

import java.io.PrintWriter;

/**
 * Progress on stderr while a long pass runs, only when a person is watching: stdout is a terminal (so output is not
 * piped) and the format is text. One line, rewritten in place, cleared at the end; at most every 200 ms.
 */
final class TerminalProgress implements Progress, AutoCloseable {

    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private long lastNanos;
    private boolean shown;

    private TerminalProgress(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.lastNanos = System.nanoTime();
    }

    static TerminalProgress of(PrintWriter err, String label, boolean textFormat) {
        return new TerminalProgress(err, label, textFormat && System.console() != null);
    }

    /** Synchronized: a check reports from several worker threads. */
    @Override
    public synchronized void pages(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastNanos < 200_000_000L) {
            return;
        }
        lastNanos = now;
        long pct = total == 0 ? 100 : Math.min(100, done * 100 / total);
        err.printf("\r%s: %,d of %,d pages (%d%%)", label, done, total, pct);
        err.flush();
        shown = true;
    }

    @Override
    public synchronized void close() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
