package dev.loupe.format.hexdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real sqlite3 command-line shell, the oracle for how {@code .open --hexdb} reads a text. */
final class SqliteCli {

    static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    record Result(int exitCode, String out, String err) {
    }

    private SqliteCli() {
    }

    /** Runs {@code sqlite3 -batch ARGS...} in {@code dir} with {@code script} on standard input. */
    static Result run(Path dir, String script, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(SQLITE3)) {
            throw new IllegalStateException("these tests need the sqlite3 CLI at " + SQLITE3
                    + " (Debian package sqlite3)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(SQLITE3.toString());
        cmd.add("-batch");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "cli-out", ".txt");
        Path err = Files.createTempFile(dir, "cli-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(script.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sqlite3 did not finish: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * Loads {@code text} with {@code .open --hexdb} and saves what the CLI built to a database file, returning that
     * file's bytes. The backup behind {@code .save} copies every page as it is except for four header fields it
     * rewrites; compare with {@link #maskBackupFields}.
     */
    static byte[] loadAndSave(Path dir, String text) throws IOException, InterruptedException {
        Path txt = Files.createTempFile(dir, "hexdb", ".txt");
        Files.writeString(txt, text);
        Path saved = dir.resolve(txt.getFileName() + ".saved.db");
        Result r = run(dir, ".open --hexdb " + txt.getFileName() + "\n.save " + saved.getFileName() + "\n");
        if (r.exitCode() != 0 || !r.err().isEmpty() || !Files.exists(saved)) {
            throw new IllegalStateException("sqlite3 could not load and save the text: " + r);
        }
        return Files.readAllBytes(saved);
    }

    /**
     * A copy of {@code db} with the header fields a backup rewrites set to zero: the change counter (@24), the
     * schema cookie (@40), the version-valid-for number (@92) and the SQLite version number (@96).
     */
    static byte[] maskBackupFields(byte[] db) {
        byte[] b = db.clone();
        for (int field : new int[] {24, 40, 92, 96}) {
            for (int i = field; i < field + 4 && i < b.length; i++) {
                b[i] = 0;
            }
        }
        return b;
    }

    /** Offset of the first byte where {@code a} and {@code b} differ, or -1 when they are equal. */
    static long firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }
}
