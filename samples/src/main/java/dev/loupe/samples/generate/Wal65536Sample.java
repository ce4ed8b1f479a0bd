package dev.loupe.samples.generate;

import dev.loupe.samples.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A WAL-mode database with the largest page size, 65536 (the WAL header stores it as 65536, the database header
 * as 1, the -shm as 1): a few commits that grow a table past one leaf, write an overflow chain, create a table and
 * an index in the WAL only, update and delete. Kept to a dozen frames: each frame is 64 KiB plus 24 bytes.
 */
final class Wal65536Sample {
    private static final long SEED = 0x10000L;
    /** Commits made after the switch to WAL mode. */
    static final int WAL_COMMITS = 6;

    private Wal65536Sample() {
    }

    static void write(Sample sample, Path workDir) throws IOException, SQLException {
        Path building = workDir.resolve("building-" + sample.fileName());
        TextSource source = new TextSource(SEED);
        try (SqliteFile db = SqliteFile.create(building, sample)) {
            db.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, topic TEXT NOT NULL, body TEXT)");
            db.transaction(() -> db.insert("INSERT INTO notes(topic, body) VALUES (?, ?)", notes(source, 40)));
            db.exec("PRAGMA journal_mode=WAL", "PRAGMA wal_autocheckpoint=0");
            int commits = 0;
            List<Object[]> many = notes(source, 400);                 // past one 64 KiB leaf: a root split
            db.transaction(() -> db.insert("INSERT INTO notes(topic, body) VALUES (?, ?)", many));
            commits++;
            List<Object[]> big = List.<Object[]>of(new Object[] {"overflow", source.words(14_000)});
            db.transaction(() -> db.insert("INSERT INTO notes(topic, body) VALUES (?, ?)", big));
            commits++;                                                 // a row longer than a page: overflow
            db.exec("CREATE TABLE wal_only(id INTEGER PRIMARY KEY, note TEXT NOT NULL)");
            commits++;
            db.exec("CREATE INDEX notes_topic ON notes(topic)");
            commits++;
            db.exec("UPDATE notes SET body = upper(body) WHERE id % 9 = 0");
            commits++;
            db.exec("DELETE FROM notes WHERE id % 5 = 2");
            commits++;
            if (commits != WAL_COMMITS) {
                throw new IllegalStateException("made " + commits + " WAL commits, expected " + WAL_COMMITS);
            }
            Files.copy(building, workDir.resolve(sample.fileName()));
            Files.copy(workDir.resolve(building.getFileName() + WalSample.WAL_SUFFIX),
                    workDir.resolve(sample.fileName() + WalSample.WAL_SUFFIX));
        }
    }

    private static List<Object[]> notes(TextSource source, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            rows.add(new Object[] {source.capitalized(), source.words(source.between(5, 30))});
        }
        return rows;
    }
}
