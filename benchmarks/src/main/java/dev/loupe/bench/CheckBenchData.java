package dev.loupe.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The checker benchmark's databases (bench/check-vs-sqlite.sh): {@link BenchFile}s of at least 1 GiB, one with
 * application rows (2,500,000 rows in {@code t}, some with overflow pages, 1,700,000 in {@code kv}, the WITHOUT ROWID
 * table) and one with narrow rows ({@code --narrow}: 10,400,000 and 3,250,000).
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
            0x4C43484B, 1, 2_500_000, 1_700_000, 0xC4EC_2026L, 786_432, false));

    /** System property naming the narrow-row file's cache. */
    public static final String NARROW_PATH_PROPERTY = "loupe.checkbench.narrow.db";
    public static final Path NARROW_DEFAULT_PATH = Path.of("benchmarks", "target", "bench-data", "check-1g-narrow.db");

    /**
     * The same tables with narrow rows (about 50-byte records, no overflow): about 10 million rows and their index
     * entries per GiB, where {@link #FILE} has 2.5 million. application_id "LCHN"; generator version 1.
     */
    private static final BenchFile NARROW = new BenchFile(new BenchFile.Spec(NARROW_PATH_PROPERTY,
            NARROW_DEFAULT_PATH, MIN_SIZE, 0x4C43484E, 1, 10_400_000, 3_250_000, 0xC4EC_2026L, 786_432, true));

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

    /**
     * Generates (or finds) the file at {@code args[0]}, else at the configured path; prints its absolute path.
     * With {@code --narrow} first, the narrow-row file instead.
     */
    public static void main(String[] args) throws IOException {
        boolean narrow = args.length > 0 && args[0].equals("--narrow");
        BenchFile file = narrow ? NARROW : FILE;
        int at = narrow ? 1 : 0;
        Path p = file.ensure(args.length > at ? Path.of(args[at]) : file.configuredPath());
        System.out.println(p.toAbsolutePath());
    }
}
