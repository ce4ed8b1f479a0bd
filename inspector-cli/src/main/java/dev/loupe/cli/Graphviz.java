package dev.loupe.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT text with Graphviz's {@code dot} program when it is on the PATH (DESIGN.md: we write DOT ourselves and
 * leave layout to Graphviz). The DOT goes to dot's standard input; the image comes back on its standard output and
 * is copied to a stream the caller opened (so Loupe, not dot, decides which files may be written).
 */
final class Graphviz {

    static final String NOT_FOUND = "Graphviz 'dot' not found: install the graphviz package, or use --format dot";

    /** Longest a render may take; a tree of thousands of pages lays out in seconds. */
    private static final long TIMEOUT_SECONDS = 300;

    private final Map<String, String> environment;
    private final Path fixedDot;

    /** Looks for dot on the PATH of {@code environment}. */
    Graphviz(Map<String, String> environment) {
        this.environment = environment;
        this.fixedDot = null;
    }

    /** Uses this dot executable (tests point it at a stand-in, or at a file that does not exist). */
    Graphviz(Path dot) {
        this.environment = Map.of();
        this.fixedDot = dot;
    }

    /** The dot executable, if any. */
    Optional<Path> dot() {
        if (fixedDot != null) {
            return Files.isRegularFile(fixedDot) && Files.isExecutable(fixedDot) ? Optional.of(fixedDot)
                    : Optional.empty();
        }
        String path = environment.get("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String name : List.of("dot", "dot.exe")) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Renders {@code dotText} as {@code format} (svg or png) into {@code image}, returning the bytes written; throws
     * UserError when dot is missing (usage) or fails (unreadable, with dot's first line of error).
     */
    long render(String dotText, String format, OutputStream image) throws IOException {
        Path dot = dot().orElseThrow(() -> new UserError(ExitCode.USAGE, NOT_FOUND));
        Process p = new ProcessBuilder(dot.toString(), "-T" + format).start();
        // Both of dot's output streams are read at once, each on its own thread, so dot never blocks on a full pipe.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()),
                Graphviz::thread);
        CompletableFuture<Long> copied = CompletableFuture.supplyAsync(() -> copy(p.getInputStream(), image),
                Graphviz::thread);
        IOException writeFailure = null;
        try (OutputStream in = p.getOutputStream()) {
            in.write(dotText.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            writeFailure = e; // dot stopped reading (it failed early): its exit code and message say why
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserError(ExitCode.UNREADABLE, "Graphviz dot took longer than " + TIMEOUT_SECONDS
                        + " s; use --depth to draw fewer pages, or --format dot");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UserError(ExitCode.UNREADABLE, "interrupted while Graphviz dot was running");
        }
        if (p.exitValue() != 0) {
            String msg = err.join().strip().lines().findFirst().orElse("no message");
            throw new UserError(ExitCode.UNREADABLE, "Graphviz dot failed (exit " + p.exitValue() + "): " + msg);
        }
        if (writeFailure != null) {
            throw new UserError(ExitCode.UNREADABLE, "Graphviz dot stopped reading its input: "
                    + writeFailure.getMessage());
        }
        try {
            return copied.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
        }
    }

    private static void thread(Runnable r) {
        Thread t = new Thread(r, "graphviz-dot");
        t.setDaemon(true);
        t.start();
    }

    private static long copy(InputStream from, OutputStream to) {
        try (from) {
            return from.transferTo(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
