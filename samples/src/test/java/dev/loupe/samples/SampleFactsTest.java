package dev.loupe.samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Each sample's declared facts, checked against what SQLite reports for a copy of the file. */
class SampleFactsTest {

    @ParameterizedTest
    @EnumSource(Sample.class)
    void sqliteReportsTheDeclaredFacts(Sample sample, @TempDir Path dir) throws Exception {
        Path db = Samples.copyTo(sample, dir);
        try (Sqlite sqlite = Sqlite.open(db)) {
            assertThat(sqlite.strings("PRAGMA integrity_check")).containsExactly("ok");
            assertThat(sqlite.number("PRAGMA page_size")).isEqualTo(sample.pageSize());
            assertThat(sqlite.text("PRAGMA encoding")).isEqualTo(sample.encoding());
            assertThat(sqlite.number("PRAGMA auto_vacuum")).isEqualTo(sample.autoVacuum());
        }
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void headerBytesMatchTheFacts(Sample sample) {
        byte[] file = Samples.bytes(sample);
        assertThat(new String(file, 0, 16, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3\0");
        assertThat(file[20] & 0xff).as("reserved bytes, header byte 20").isEqualTo(sample.reservedBytes());
        int storedPageSize = (file[16] & 0xff) << 8 | file[17] & 0xff;
        assertThat(storedPageSize == 1 ? 65536 : storedPageSize).isEqualTo(sample.pageSize());
        assertThat(file.length % sample.pageSize()).isZero();
        int version = sample.hasWal() ? 2 : 1;
        assertThat(new int[] {file[18], file[19]}).as("file format write/read version").containsExactly(version, version);
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void copyToWritesTheResourceBytes(Sample sample, @TempDir Path dir) throws Exception {
        Path db = Samples.copyTo(sample, dir);
        assertThat(db).isEqualTo(dir.resolve(sample.fileName()));
        assertThat(Files.readAllBytes(db)).isEqualTo(Samples.bytes(sample));
        Path wal = dir.resolve(sample.fileName() + "-wal");
        if (sample.hasWal()) {
            assertThat(Files.readAllBytes(wal)).isEqualTo(Samples.walBytes(sample));
            assertThat(Samples.walBytes(sample).length).isGreaterThan(32);
        } else {
            assertThat(wal).doesNotExist();
            assertThat(Samples.walBytes(sample)).isNull();
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.count()).isEqualTo(sample.hasWal() ? 2 : 1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN"})
    void walHoldsCommitsTheDatabaseFileLacks(Sample sample, @TempDir Path dir) throws Exception {
        Path withWal = Samples.copyTo(sample, dir.resolve("with"));
        Path alone = Files.createDirectories(dir.resolve("alone")).resolve(sample.fileName());
        Files.write(alone, Samples.bytes(sample));
        try (Sqlite sqlite = Sqlite.open(alone)) {
            assertThat(sqlite.number("SELECT count(*) FROM sqlite_schema WHERE name = 'wal_only'")).isZero();
            assertThat(sqlite.number("SELECT count(*) FROM sqlite_schema WHERE name = 'ledger_account'")).isZero();
        }
        try (Sqlite sqlite = Sqlite.open(withWal)) {
            assertThat(sqlite.number("SELECT count(*) FROM wal_only")).isEqualTo(29);
            assertThat(sqlite.number("SELECT count(*) FROM sqlite_schema WHERE name = 'ledger_account'")).isOne();
        }
    }

    @Test
    void everySampleHasADistinctFileAndADescription() {
        assertThat(Arrays.stream(Sample.values()).map(Sample::fileName).distinct().count())
                .isEqualTo(Sample.values().length);
        for (Sample sample : Sample.values()) {
            assertThat(sample.description()).isNotBlank();
            assertThat(sample.encoding()).isIn("UTF-8", "UTF-16le", "UTF-16be");
            assertThat(sample.autoVacuum()).isBetween(0, 2);
        }
    }
}
