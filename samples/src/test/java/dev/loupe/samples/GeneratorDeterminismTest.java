package dev.loupe.samples;

import dev.loupe.samples.generate.SampleGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs of the generator give the committed files byte for byte. The exception is the WAL: SQLite draws the
 * salts at random (and the checksums chain from them), so WALs are compared with salts and checksums masked,
 * and by the rows SQLite reads through them.
 */
class GeneratorDeterminismTest {
    @TempDir
    static Path root;

    @BeforeAll
    static void generateTwice() throws Exception {
        SampleGenerator.generate(root.resolve("first"));
        SampleGenerator.generate(root.resolve("second"));
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void databaseFileIsIdenticalAcrossRunsAndToTheCommittedOne(Sample sample) throws Exception {
        byte[] first = Files.readAllBytes(root.resolve("first").resolve(sample.fileName()));
        byte[] second = Files.readAllBytes(root.resolve("second").resolve(sample.fileName()));
        assertThat(first).isEqualTo(second).isEqualTo(Samples.bytes(sample));
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN", "WAL_65536"})
    void walDiffersOnlyInSaltsAndChecksums(Sample sample) throws Exception {
        byte[] first = Files.readAllBytes(root.resolve("first").resolve(sample.fileName() + "-wal"));
        byte[] second = Files.readAllBytes(root.resolve("second").resolve(sample.fileName() + "-wal"));
        byte[] committed = Samples.walBytes(sample);
        assertThat(WalFrames.withoutSaltsAndChecksums(first))
                .isEqualTo(WalFrames.withoutSaltsAndChecksums(second))
                .isEqualTo(WalFrames.withoutSaltsAndChecksums(committed));
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN", "WAL_65536"})
    void walGivesTheSameRowsAcrossRuns(Sample sample, @TempDir Path dir) throws Exception {
        Path generated = dir.resolve("generated");
        Files.createDirectories(generated);
        for (String name : new String[] {sample.fileName(), sample.fileName() + "-wal"}) {
            Files.copy(root.resolve("first").resolve(name), generated.resolve(name));
        }
        Path committed = Samples.copyTo(sample, dir.resolve("committed"));
        try (Sqlite fresh = Sqlite.open(generated.resolve(sample.fileName())); Sqlite shipped = Sqlite.open(committed)) {
            assertThat(fresh.dump()).isEqualTo(shipped.dump()).contains("table wal_only");
        }
    }
}
