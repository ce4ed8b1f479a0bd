package dev.loupe.issue;

/** A reproducer directory that cannot be drafted from: missing, or reproducer.json absent or malformed. */
public final class ReproducerException extends Exception {

    public ReproducerException(String message) {
        super(message);
    }

    public ReproducerException(String message, Throwable cause) {
        super(message, cause);
    }
}
