package dev.loupe.format;

import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.oracle.Sqlite;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Header facts equal what SQLite's pragmas report for the same file (with its WAL, as SQLite sees it). */
class SampleHeaderMatchesPragmasTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Sample.class)
    void headerAgreesWithPragmas(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, tmp.resolve("loupe"));
        try (Database loupe = Database.open(db); Sqlite sqlite = Sqlite.openCopy(db, tmp.resolve("sqlite"))) {
            DatabaseHeader h = loupe.header();
            assertThat(h.problems()).isEmpty();
            assertThat(loupe.problems()).isEmpty();
            assertThat((long) loupe.pageSize()).isEqualTo(sqlite.scalarLong("PRAGMA page_size"));
            assertThat(loupe.pageCount()).isEqualTo(sqlite.scalarLong("PRAGMA page_count"));
            assertThat(h.freelistPageCount()).isEqualTo(sqlite.scalarLong("PRAGMA freelist_count"));
            assertThat(loupe.encoding().pragmaName()).isEqualTo(sqlite.scalarText("PRAGMA encoding"));
            long autoVacuum = !h.autoVacuum() ? 0 : h.incrementalVacuum() != 0 ? 2 : 1;
            assertThat(autoVacuum).isEqualTo(sqlite.scalarLong("PRAGMA auto_vacuum"));
            assertThat(h.schemaCookie()).isEqualTo(sqlite.scalarLong("PRAGMA schema_version"));
            assertThat((long) h.userVersion()).isEqualTo(sqlite.scalarLong("PRAGMA user_version"));
            assertThat((long) h.applicationId()).isEqualTo(sqlite.scalarLong("PRAGMA application_id"));
            assertThat(h.reservedBytes()).isEqualTo(sample.reservedBytes());
            assertThat(loupe.usableSize()).isEqualTo(loupe.pageSize() - sample.reservedBytes());
        }
    }
}
