package dev.loupe.cli;

import dev.loupe.repro.sql.SqlReducer;

import java.io.PrintWriter;

/**
 * The reducer's progress on stderr, only when a person is watching (a terminal, text format): one line rewritten
 * in place with the phase, candidates tried, current size and time, cleared at the end; at most every 200 ms.
 */
final class ReproProgress implements AutoCloseable {

    private final PrintWriter err;
    private final boolean enabled;
    private long lastNanos;
    private boolean shown;

    private ReproProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    static ReproProgress of(PrintWriter err, boolean textFormat) {
        return new ReproProgress(err, textFormat && System.console() != null);
    }

    synchronized void show(SqlReducer.Progress p) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (shown && now - lastNanos < 200_000_000L) {
            return;
        }
        lastNanos = now;
        err.printf("\rrepro: %s, %,d candidates, %,d statements, %,d bytes, %.1f s\033[K", p.phase(), p.steps(),
                p.statements(), p.bytes(), p.millis() / 1000.0);
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
