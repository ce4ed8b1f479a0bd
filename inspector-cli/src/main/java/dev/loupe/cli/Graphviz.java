package dev.loupe.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT text with Graphviz's {@code dot} program when it is on the PATH (DESIGN.md: we write DOT ourselves and
 * leave layout to Graphviz). The DOT goes to dot's standard input and the image straight to the named file.
 */
final class Graphviz {

    static final String NOT_FOUND = "Graphviz 'dot' not found: install the graphviz package, or use --format dot";

    /** Longest a render may take; a tree of thousands of pages lays out in seconds. */
    private static final long TIMEOUT_SECONDS = 300;

    private final Map<String, String> environment;

    Graphviz(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The dot executable on the PATH, if any. */
    Optional<Path> dot() {
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

    /** Renders {@code dotText} as {@code format} (svg or png) into {@code out}; throws UserError on failure. */
    void render(String dotText, String format, Path out) throws IOException {
        Path dot = dot().orElseThrow(() -> new UserError(ExitCode.USAGE, NOT_FOUND));
        Process p = new ProcessBuilder(dot.toString(), "-T" + format, "-o", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(dotText.getBytes(StandardCharsets.UTF_8));
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
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
