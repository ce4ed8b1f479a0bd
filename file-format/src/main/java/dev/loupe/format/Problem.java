package dev.loupe.format;

import java.util.Objects;

/**
 * Something a decoder found wrong with the bytes. Decoders return problems beside what they could read;
 * they never throw on bad bytes.
 */
public record Problem(ProblemKind kind, Span span, String message) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind.code() + " at " + span + ": " + message;
    }
}
