package dev.loupe.gui;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.map.PageMap;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The file named on the command line, opened and mapped on a thread of its own while JavaFX starts (about 1.3 s
 * here): the window then shows the page map as soon as it can draw it instead of starting the decoding only once
 * it is shown. Used once, by the first {@link MainWindow#open}.
 */
final class EarlyOpen {

    private final Path path;
    private final OpenOptions options;
    private final CompletableFuture<Loaded> result;
    /** "open X ms (CPU Y ms)" and "page map ..." as the decoder thread's timing laps say them. */
    private final String[] took = new String[2];

    private EarlyOpen(Path path, OpenOptions options) {
        this.path = path;
        this.options = options;
        this.result = new CompletableFuture<>();
        Thread t = new Thread(this::run, "loupe-early-open");
        t.setDaemon(true);
        t.start();
    }

    static EarlyOpen start(Path path, OpenOptions options) {
        return new EarlyOpen(path, options);
    }

    private void run() {
        try {
            Timing.Lap lap = Timing.Lap.start();
            Database db = Opening.open(path, options);
            took[0] = lap.next();
            try {
                PageMap map = PageMap.build(db);
                took[1] = lap.next();
                result.complete(new Loaded(path, options, db, map));
            } catch (IOException | RuntimeException e) {
                db.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** Whether this is the opening of {@code p} with {@code o}. */
    boolean isFor(Path p, OpenOptions o) {
        return path.equals(p) && options.equals(o);
    }

    /** Waits for the result; the decoder's exception as it was thrown. */
    Loaded await() throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("opening " + path + " interrupted");
        } catch (ExecutionException | CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    String openTook() {
        return took[0];
    }

    String mapTook() {
        return took[1];
    }
}
