package dev.loupe.format;

import dev.loupe.format.map.PageMap;
import dev.loupe.format.schema.Table;
import dev.loupe.format.table.TableReader;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a database and its WAL changes no byte, no modification time, and creates no file beside them. */
class ReadOnlyTest {

    @TempDir
    Path tmp;

    @Test
    void readingEverythingLeavesFilesUntouched() throws Exception {
        Path db = Samples.copyTo(Sample.WAL, tmp);
        Path wal = tmp.resolve(db.getFileName() + "-wal");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(db, old);
        Files.setLastModifiedTime(wal, old);
        String dbHash = sha256(db);
        String walHash = sha256(wal);
        List<Path> before = list(tmp);

        try (Database database = Database.open(db)) {
            assertThat(database.appliedCommit()).isPositive();
            PageMap.build(database);
            for (Table t : database.schema().tables()) {
                new TableReader(database).readAll(t);
            }
        }

        assertThat(list(tmp)).isEqualTo(before);
        assertThat(sha256(db)).isEqualTo(dbHash);
        assertThat(sha256(wal)).isEqualTo(walHash);
        assertThat(Files.getLastModifiedTime(db)).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(wal)).isEqualTo(old);
        assertThat(Files.exists(tmp.resolve(db.getFileName() + "-shm"))).isFalse();
    }

    @Test
    void openingAReadOnlyFileWorks() throws Exception {
        Path db = Samples.copyTo(Sample.DEMO, tmp);
        assertThat(db.toFile().setWritable(false, false)).isTrue();
        try (Database database = Database.open(db)) {
            assertThat(database.schema().tables()).isNotEmpty();
        } finally {
            db.toFile().setWritable(true, false);
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
