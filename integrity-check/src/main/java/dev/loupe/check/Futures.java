package dev.loupe.check;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for the check's work on other threads. */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of {@code f}, once it is done: its I/O error or runtime exception is thrown as it was thrown; an
     * interrupt while waiting becomes an {@link InterruptedIOException} (the thread stays interrupted).
     */
    public static <T> T join(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("check interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
    }
}
