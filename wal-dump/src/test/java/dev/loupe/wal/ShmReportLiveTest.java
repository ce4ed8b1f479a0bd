package dev.loupe.wal;

import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.wal.ShmFile;
import dev.loupe.format.wal.ShmHashBlock;
import dev.loupe.format.wal.WalFile;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The -shm a live SQLite connection keeps (read while the connection is open, from a copy of a sample SQLite
 * opened): its headers, checkpoint state and hash tables must agree with the WAL beside it, and with what SQLite's
 * own checkpoint reports.
 */
class ShmReportLiveTest {

    @TempDir
    Path dir;

    private static ShmReport report(Path db) throws IOException {
        ShmFile shm;
        try (ReadOnlyFile f = ReadOnlyFile.open(Path.of(db + "-shm"))) {
            shm = ShmFile.read(f);
        }
        try (ReadOnlyFile f = ReadOnlyFile.open(Path.of(db + "-wal"))) {
            return ShmReport.of(shm, Optional.of(WalFile.read(f)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Sample.class, names = {"WAL", "WAL_BIGENDIAN", "WAL_65536"})
    void liveShmAgreesWithTheWalAndWithSqlitesCheckpoint(Sample sample) throws Exception {
        Path db = Samples.copyTo(sample, dir);
        try (Connection c = SqliteOracle.open(db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=0");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                assertThat(r.getLong(1)).isPositive();
            }
            s.execute("CREATE TABLE live(x)");
            s.execute("INSERT INTO live VALUES (1), (2), (3)");
            ShmReport live = report(db);
            WalFile wal;
            try (ReadOnlyFile f = ReadOnlyFile.open(Path.of(db + "-wal"))) {
                wal = WalFile.read(f);
            }
            assertThat(live.problems()).isEmpty();
            assertThat(live.copiesAgree()).isTrue();
            assertThat(live.headers()).allMatch(h -> h.checksumOk() && h.isInit() == 1);
            assertThat(live.headers().get(0).pageSize()).isEqualTo(sample.pageSize());
            CheckpointState state = live.checkpoint().orElseThrow();
            assertThat(state.disagreements()).isEmpty();
            assertThat(state.headerTrusted()).isTrue();
            assertThat(state.mxFrame()).isEqualTo(wal.validFrameCount()).isGreaterThan(0);
            assertThat(live.hashCheck().ok()).isTrue();
            assertThat(live.hashCheck().framesChecked()).isEqualTo(wal.validFrameCount());

            int log;
            int done;
            try (ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                log = r.getInt(2);
                done = r.getInt(3);
            }
            ShmReport after = report(db);
            assertThat(after.headers().get(0).mxFrame()).as("SQLite's log").isEqualTo(log);
            assertThat(after.checkpoint().orElseThrow().nBackfill()).as("SQLite's checkpointed").isEqualTo(done);
            assertThat(after.checkpointInfo().orElseThrow().nBackfill()).isEqualTo(done);

            // A cleared hash slot: the frame it pointed at can no longer be found.
            byte[] shm = Files.readAllBytes(Path.of(db + "-shm"));
            long page = wal.frames().get(0).pageNumber();
            int slot = ShmHashBlock.NPAGE * 4 + 2 * ShmHashBlock.hashOf(page);
            int probes = 0;
            while ((shm[slot] | shm[slot + 1]) == 0 && probes++ < 10) {
                slot += 2;
            }
            shm[slot] = 0;
            shm[slot + 1] = 0;
            Path damaged = Files.createDirectories(dir.resolve("damaged")).resolve("d.db-shm");
            Files.write(damaged, shm);
            try (ReadOnlyFile f = ReadOnlyFile.open(damaged)) {
                ShmReport bad = ShmReport.of(ShmFile.read(f), Optional.of(wal));
                assertThat(bad.hashCheck().hashMisses()).isPositive();
                assertThat(bad.problems()).anyMatch(p -> p.message().contains("a reader would not find this frame"));
            }
        }
    }
}
