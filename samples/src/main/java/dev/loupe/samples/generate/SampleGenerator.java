package dev.loupe.samples.generate;

import dev.loupe.samples.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes every {@link Sample} into a directory, deterministically: seeded pseudo-random content, no clock, SQLite
 * (sqlite-jdbc) doing all writing. Only the WAL samples differ between runs, because SQLite draws WAL salts at
 * random. Usage: {@code SampleGenerator OUTPUT_DIR} (see samples/MANIFEST.md for the Maven command).
 */
public final class SampleGenerator {
    private SampleGenerator() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SampleGenerator OUTPUT_DIR");
        }
        generate(Path.of(args[0]));
    }

    /** Builds all samples in a temporary directory, checks them with SQLite, then copies them into {@code outDir}. */
    public static void generate(Path outDir) throws IOException, SQLException {
        Files.createDirectories(outDir);
        Path workDir = Files.createTempDirectory("loupe-samples-");
        try {
            for (Sample sample : Sample.values()) {
                recipe(sample).write(workDir);
                verify(sample, workDir);
            }
            for (Sample sample : Sample.values()) {
                copy(workDir, outDir, sample.fileName());
                if (sample.hasWal()) {
                    copy(workDir, outDir, sample.fileName() + WalSample.WAL_SUFFIX);
                }
            }
        } finally {
            deleteTree(workDir);
        }
    }

    private static Recipe recipe(Sample sample) {
        // A switch expression: a new Sample without a recipe does not compile.
        return switch (sample) {
            case DEMO -> database(sample, new DemoContent());
            case PAGE_512 -> database(sample, new MixedContent(500, new int[] {3 * 512 + 17, 9 * 512}, 0));
            case PAGE_1024 -> database(sample, new MixedContent(500, new int[] {2 * 1024 + 100, 5 * 1024 + 7}, 0));
            // Just over one leaf of rows (depth 2) and one overflow page: a few 64 KiB pages in all.
            case PAGE_65536 -> database(sample, new MixedContent(1200, new int[] {66_000}, 0));
            case RESERVED_8, RESERVED_32 -> database(sample, new MixedContent(300, new int[] {2_000, 4_500}, 60));
            case UTF16LE, UTF16BE -> database(sample, new Utf16Content());
            case AUTOVACUUM_FULL, AUTOVACUUM_INCREMENTAL -> database(sample, new AutoVacuumContent());
            case WITHOUT_ROWID -> database(sample, new WithoutRowidContent());
            case OVERFLOW -> database(sample, new OverflowContent(sample.pageSize() - sample.reservedBytes()));
            case FREELIST -> database(sample, new FreelistContent());
            case WAL -> workDir -> WalSample.write(sample, workDir);
            case WAL_BIGENDIAN -> workDir -> bigEndianCopyOfWal(sample, workDir);
            case WAL_65536 -> workDir -> Wal65536Sample.write(sample, workDir);
            case INDEXES -> database(sample, new IndexesContent());
            case ALTER_ADD_COLUMN -> database(sample, new AlterAddColumnContent());
            case TYPES -> database(sample, new TypesContent());
        };
    }

    private static Recipe database(Sample sample, Content content) {
        return workDir -> {
            try (SqliteFile db = SqliteFile.create(workDir.resolve(sample.fileName()), sample)) {
                content.fill(db);
            }
        };
    }

    /** The WAL sample's database as is and its WAL with big-endian checksums; WAL is generated first (enum order). */
    private static void bigEndianCopyOfWal(Sample sample, Path workDir) throws IOException {
        Path walDb = workDir.resolve(Sample.WAL.fileName());
        Path wal = workDir.resolve(Sample.WAL.fileName() + WalSample.WAL_SUFFIX);
        if (!Files.exists(wal)) {
            throw new IllegalStateException(Sample.WAL + " must be generated before " + sample);
        }
        Files.copy(walDb, workDir.resolve(sample.fileName()));
        Files.write(workDir.resolve(sample.fileName() + WalSample.WAL_SUFFIX),
                WalByteOrder.toBigEndianChecksums(Files.readAllBytes(wal)));
    }

    /** Opens a copy (SQLite checkpoints a WAL on close) and requires integrity_check = ok and the reserved byte. */
    private static void verify(Sample sample, Path workDir) throws IOException, SQLException {
        Path checkDir = Files.createDirectories(workDir.resolve("check"));
        Path copy = checkDir.resolve(sample.fileName());
        Files.copy(workDir.resolve(sample.fileName()), copy, StandardCopyOption.REPLACE_EXISTING);
        if (sample.hasWal()) {
            Files.copy(workDir.resolve(sample.fileName() + WalSample.WAL_SUFFIX),
                    checkDir.resolve(sample.fileName() + WalSample.WAL_SUFFIX), StandardCopyOption.REPLACE_EXISTING);
        }
        String verdict;
        try (SqliteFile db = SqliteFile.open(copy)) {
            verdict = db.queryString("PRAGMA integrity_check");
        }
        if (!"ok".equals(verdict)) {
            throw new IllegalStateException(sample.fileName() + ": integrity_check says " + verdict);
        }
        byte reserved = Files.readAllBytes(workDir.resolve(sample.fileName()))[20];
        if (reserved != sample.reservedBytes()) {
            throw new IllegalStateException(sample.fileName() + ": header byte 20 is " + reserved);
        }
        deleteTree(checkDir);
    }

    private static void copy(Path from, Path to, String name) throws IOException {
        Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
