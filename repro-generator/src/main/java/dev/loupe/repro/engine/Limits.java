package dev.loupe.repro.engine;

import java.time.Duration;

/**
 * Limits on one run: wall time for the whole script and the bytes of output read from an external engine (or, for
 * the in-process engine, of values held). An engine that hits one stops and reports it as an {@link Abort}.
 */
public record Limits(Duration timeout, long maxOutputBytes) {

    public Limits {
        if (timeout.isNegative() || timeout.isZero() || maxOutputBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + timeout + ", " + maxOutputBytes);
        }
    }

    /** 30 seconds and 64 MiB. */
    public static Limits defaults() {
        return new Limits(Duration.ofSeconds(30), 64L << 20);
    }

    public Limits withTimeout(Duration t) {
        return new Limits(t, maxOutputBytes);
    }

    public Limits withMaxOutputBytes(long bytes) {
        return new Limits(timeout, bytes);
    }
}
