package dev.loupe.format;

import dev.loupe.format.oracle.Sqlite;
import dev.loupe.format.oracle.Values;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.Row;
import dev.loupe.format.table.TableReader;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalFrame;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a damaged WAL frame, Loupe's valid prefix ends where SQLite's does and every table's rows equal what SQLite
 * then returns (SQLite silently drops the damaged frame and everything after it, committed data included).
 */
class DamagedWalRowsTest {

    @TempDir
    Path tmp;

    /** Which frame to damage, as a fraction of the frame count, and how. */
    @ParameterizedTest
    @ValueSource(strings = {"data:0.5", "data:0.9", "salt:0.3", "checksum:0.7", "torn:1.0", "data:0.02"})
    void rowsEqualSqliteAfterDamage(String spec) throws Exception {
        for (Sample sample : new Sample[]{Sample.WAL, Sample.WAL_BIGENDIAN}) {
            Path db = Samples.copyTo(sample, tmp.resolve(sample.name() + spec.replace(':', '_')).resolve("loupe"));
            Path walPath = db.resolveSibling(db.getFileName() + "-wal");
            byte[] wal = Files.readAllBytes(walPath);
            int pageSize = 1024;
            int frameSize = 24 + pageSize;
            int frames = (wal.length - 32) / frameSize;
            String how = spec.split(":")[0];
            int f = Math.max(1, Math.min(frames, (int) Math.round(Double.parseDouble(spec.split(":")[1]) * frames)));
            int at = 32 + (f - 1) * frameSize;
            switch (how) {
                case "data" -> wal[at + 24 + pageSize / 2] ^= 0x55;
                case "salt" -> wal[at + 8] ^= 0x01;
                case "checksum" -> wal[at + 20] ^= 0x01;
                case "torn" -> wal = java.util.Arrays.copyOf(wal, at + 24 + pageSize / 3);
                default -> throw new IllegalArgumentException(how);
            }
            Files.write(walPath, wal);

            try (Database loupe = Database.open(db); Sqlite sqlite = Sqlite.openCopy(db, db.getParent().resolveSibling("sqlite"))) {
                WalFile w = loupe.wal().orElseThrow();
                assertThat(w.validFrameCount()).as("valid prefix for %s at frame %d", how, f).isLessThan(f);
                for (WalFrame fr : w.frames()) {
                    assertThat(fr.valid()).isEqualTo(fr.index() <= w.validFrameCount());
                }
                assertThat(loupe.pageCount()).isEqualTo(sqlite.scalarLong("PRAGMA page_count"));
                int compared = 0;
                for (Table t : loupe.schema().tables()) {
                    List<String> expected = new ArrayList<>();
                    for (List<Object> r : sqlite.query("SELECT rowid, * FROM " + Sqlite.quote(t.name()) + " NOT INDEXED")) {
                        expected.add(r.stream().map(Values::ofJdbc).collect(Collectors.joining(" | ")));
                    }
                    List<String> actual = new ArrayList<>();
                    for (Row row : new TableReader(loupe).readAll(t)) {
                        List<String> cells = new ArrayList<>();
                        cells.add("integer:" + row.rowid());
                        row.values().forEach(v -> cells.add(Values.of(v)));
                        actual.add(String.join(" | ", cells));
                    }
                    assertThat(actual).as("%s %s: %s", sample, spec, t.name()).containsExactlyElementsOf(expected);
                    compared += actual.size();
                }
                assertThat(compared).isPositive();
                // The schema SQLite sees is the one Loupe sees: tables created in dropped commits are gone in both.
                assertThat(loupe.schema().tables().size()).isEqualTo(
                        sqlite.scalarLong("SELECT count(*) FROM sqlite_schema WHERE type = 'table'"));
            }
        }
    }
}
