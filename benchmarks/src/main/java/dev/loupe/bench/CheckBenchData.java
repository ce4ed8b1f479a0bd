package dev.loupe.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The checker benchmark's database (bench/check-vs-sqlite.sh): a {@link BenchFile} of at least 1 GiB (2,500,000
 * rows in {@code t}, 1,700,000 in {@code kv}, the WITHOUT ROWID table).
 */
public final class CheckBenchData {

    /** System property naming the cache file. */
    public static final String PATH_PROPERTY = "loupe.checkbench.db";
    public static final Path DEFAULT_PATH = Path.of("benchmarks", "target", "bench-data", "check-1g.db");
    public static final long MIN_SIZE = 1024L * 1024 * 1024;

    /**
     * application_id "LCHK"; generator version 1. The indexes and kv are filled in random key order: a larger page
     * cache keeps their pages in SQLite's cache while writing.
     */
    private static final BenchFile FILE = new BenchFile(new BenchFile.Spec(PATH_PROPERTY, DEFAULT_PATH, MIN_SIZE,
            0x4C43484B, 1, 2_500_000, 1_700_000, 0xC4EC_2026L, 786_432));

    private CheckBenchData() {
    }

    /** The cache path: the {@value #PATH_PROPERTY} system property, else check-1g.db in benchmarks/target. */
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
