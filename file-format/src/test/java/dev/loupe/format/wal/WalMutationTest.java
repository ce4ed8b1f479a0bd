package dev.loupe.format.wal;

import dev.loupe.format.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Random;

import static dev.loupe.format.wal.WalViews.assertSameDatabase;
import static dev.loupe.format.wal.WalViews.image;
import static dev.loupe.format.wal.WalViews.readWal;
import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random damage to a real WAL: SQLite's recovery and ours must agree on every mutant. */
class WalMutationTest {

    @TempDir
    static Path dir;

    static SqliteWal.Pair pair;
    static byte[] walBytes;

    @BeforeAll
    static void build() throws Exception {
        pair = SqliteWal.build(dir, 1024, 24, 7);
        walBytes = Files.readAllBytes(pair.wal());
    }

    /** Flips 1..3 random bits, or cuts the file at a random length; seeds 0..N-1 make it reproducible. */
    static byte[] mutate(long seed) {
        Random r = new Random(seed);
        if (r.nextInt(4) == 0) {
            return Arrays.copyOf(walBytes, r.nextInt(walBytes.length));
        }
        byte[] b = walBytes.clone();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            // Half of the flips land in the 32-byte header or a frame header, where they matter most.
            int at;
            if (r.nextBoolean()) {
                int frames = (b.length - 32) / (1024 + 24);
                int frame = r.nextInt(frames + 1);
                at = frame == frames ? r.nextInt(32) : 32 + frame * (1024 + 24) + r.nextInt(24);
            } else {
                at = r.nextInt(b.length);
            }
            b[at] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    @Test
    void sqliteAndWeAgreeOnEveryMutant() throws Exception {
        for (long seed = 0; seed < 40; seed++) {
            Path mutant = SqliteWal.write(dir, "w.db-wal", mutate(seed));
            WalFile wal = readWal(mutant);
            SqliteWal.Checkpointed sqlite;
            try {
                sqlite = SqliteWal.checkpoint(pair.db(), mutant, dir);
            } catch (SQLException e) {
                assertThat(e.getMessage()).as("seed %d", seed).contains("SQLITE_CANTOPEN");
                assertThat(wal.problems()).extracting(Problem::message).as("seed %d", seed)
                        .anyMatch(m -> m.contains("SQLITE_CANTOPEN"));
                continue;
            }
            assertThat(wal.validFrameCount()).as("seed %d: mxFrame", seed).isEqualTo(sqlite.log());
            assertSameDatabase(image(pair.db(), mutant, 1024, WalPageSource.latestCommit(wal)), sqlite.db(), 1024,
                    "seed " + seed);
        }
    }

    @Test
    void manyMutantsDecodeWithoutExceptionsAndKeepTheInvariants() throws Exception {
        Path mutant = dir.resolve("mutant-wal");
        for (long seed = 1000; seed < 1150; seed++) {
            Files.write(mutant, mutate(seed));
            WalFile wal = readWal(mutant);
            assertThat(wal.validFrameCount()).isLessThanOrEqualTo(wal.frames().size());
            int next = 1;
            for (WalCommit c : wal.commits()) {
                assertThat(c.firstFrame()).isEqualTo(next);
                next = c.lastFrame() + 1;
            }
            assertThat(wal.frames()).filteredOn(WalFrame::valid).hasSize(wal.validFrameCount());
        }
    }
}
