package dev.loupe.repro.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Installs Turso for the turso engine: writes a package.json pinning {@code @tursodatabase/database} (the pin is
 * the resource turso-package.json) and the runner into the folder, then runs
 * {@code npm install --prefix FOLDER} (argument array, no shell). Idempotent: an installed pin is left alone.
 */
public final class TursoInstall {

    /** The pinned version of @tursodatabase/database (must match turso-package.json). */
    public static final String PINNED_VERSION = "0.7.2";
    static final String RUNNER = "loupe-runner.mjs";

    private final Path dir;

    public TursoInstall(Path dir) {
        this.dir = dir;
    }

    /** What an install did: whether npm ran, and npm's output when it failed. */
    public record Result(boolean ok, boolean alreadyInstalled, String message) {
    }

    /** True when the pinned version of the package is in place (the runner is refreshed before each run). */
    public boolean installed() {
        Path pkg = dir.resolve("node_modules/@tursodatabase/database/package.json");
        try {
            return Files.isRegularFile(pkg) && Pattern.compile("\"version\"\\s*:\\s*\"" + Pattern.quote(PINNED_VERSION)
                    + "\"").matcher(Files.readString(pkg)).find();
        } catch (IOException e) {
            return false;
        }
    }

    /** Installs the pinned package unless it is there; writes the runner in either case. */
    public Result install(Duration timeout) throws IOException {
        if (installed()) {
            writeRunner();
            return new Result(true, true, "turso " + PINNED_VERSION + " already installed in " + dir);
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("package.json"), resource("turso-package.json"));
        writeRunner();
        ProcessRun r = ProcessRun.run(List.of("npm", "install", "--prefix", dir.toAbsolutePath().toString(),
                        "--no-audit", "--no-fund", "--loglevel=error"), new byte[0],
                new Limits(timeout, 4 << 20), dir, Map.of());
        if (r.startError() != null) {
            return new Result(false, false, "cannot run npm (is Node.js installed?): " + r.startError());
        }
        if (r.timedOut() || r.exitCode() != 0 || !installed()) {
            return new Result(false, false, "npm install failed (exit " + r.exitCode() + "): " + r.stderrTail());
        }
        return new Result(true, false, "installed @tursodatabase/database " + PINNED_VERSION + " in " + dir);
    }

    /** Writes the runner shipped in this jar beside node_modules (where its import resolves) when it changed. */
    void writeRunner() throws IOException {
        if (!runnerCurrent()) {
            Files.createDirectories(dir);
            Files.write(dir.resolve(RUNNER), resource("turso-runner.mjs"));
        }
    }

    private boolean runnerCurrent() throws IOException {
        Path runner = dir.resolve(RUNNER);
        return Files.isRegularFile(runner) && Arrays.equals(Files.readAllBytes(runner), resource("turso-runner.mjs"));
    }

    static byte[] resource(String name) {
        try (InputStream in = TursoInstall.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resourceText(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }
}
