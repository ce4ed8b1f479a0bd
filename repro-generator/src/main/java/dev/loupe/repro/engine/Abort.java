package dev.loupe.repro.engine;

/**
 * Why a run stopped before its last statement finished. {@code exitCode} and {@code signal} are those of the
 * engine's process when there is one (-1 when not known or not applicable); {@code detail} is what the engine said
 * last (the tail of its stderr, or an exception's message).
 */
public record Abort(Kind kind, int exitCode, int signal, String detail) {

    public enum Kind {
        /** The process died (signal or unexpected exit) or the in-process engine failed outside SQL. */
        CRASH,
        /** The time limit was hit; the process was killed. */
        TIMEOUT,
        /** The output limit was hit; the process was killed and its output cut there. */
        OUTPUT_LIMIT,
        /** The engine could not be started (program missing, not installed). */
        UNAVAILABLE
    }

    public static Abort of(Kind kind, String detail) {
        return new Abort(kind, -1, -1, detail);
    }
}
