package dev.loupe.gui;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT text to SVG or PNG with Graphviz's {@code dot} program, when it is installed. The GUI writes the DOT
 * itself; Graphviz only lays it out and draws it.
 */
final class GraphvizDot {

    static final String MISSING = "Graphviz's dot program was not found: install Graphviz (Debian/Ubuntu: apt-get"
            + " install graphviz; macOS: brew install graphviz) to export SVG or PNG. DOT export works without it.";
    private static final long TIMEOUT_SECONDS = 120;

    private final String command;

    /** Uses {@code dot} from the PATH. */
    GraphvizDot() {
        this("dot");
    }

    /** Uses the given program (tests point it at a missing one). */
    GraphvizDot(String command) {
        this.command = command;
    }

    /** Renders {@code dot} as {@code format} ("svg" or "png") into {@code out}; a clear message when it cannot. */
    void render(String dot, String format, Path out) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command, "-T" + format, "-o", out.toAbsolutePath().toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException e) {
            throw new IOException(MISSING, e);
        }
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Graphviz's dot did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("Graphviz's dot failed (exit " + p.exitValue() + "): "
                        + new String(err, StandardCharsets.UTF_8).trim());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while Graphviz's dot ran");
        }
    }
}
