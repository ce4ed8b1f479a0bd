package dev.loupe.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The decoding benchmark's database: a {@link BenchFile} of at least 256 MiB (600,000 rows in {@code t}, 400,000
 * in {@code kv}).
 */
public final class BenchData {

    /** System property naming the cache file. */
    public static final String PATH_PROPERTY = "loupe.bench.db";
    public static final Path DEFAULT_PATH = Path.of("benchmarks", "target", "bench-data", "bench-256m.db");
    public static final long MIN_SIZE = 256L * 1024 * 1024;

    /** application_id "LOUP"; generator version 2. */
    private static final BenchFile FILE = new BenchFile(new BenchFile.Spec(PATH_PROPERTY, DEFAULT_PATH, MIN_SIZE,
            0x4C4F5550, 2, 600_000, 400_000, 0x5EED_2026L, 262_144, false));

    private BenchData() {
    }

    /** The cache path: the {@value #PATH_PROPERTY} system property, else bench-256m.db in benchmarks/target. */
    public static Path configuredPath() {
        return FILE.configuredPath();
    }

    /** Returns {@code path}, generating it first unless it already holds this generator's output. */
    public static Path ensure(Path path) throws IOException {
        return FILE.ensure(path);
    }

    /** Generates (or finds) the file at {@code args[0]}, else at the configured path; prints its absolute path. */
    public static void main(String[] args) throws IOException {
        Path p = ensure(args.length > 0 ? Path.of(args[0]) : configuredPath());
        System.out.println(p.toAbsolutePath());
    }
}
