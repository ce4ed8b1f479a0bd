package dev.loupe.samples.corrupt;

import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One named, reproducible corruption: a sample file, a deterministic mutation of its bytes, and the finding codes
 * Loupe must report for the result.
 *
 * @param name          stable kebab-case name
 * @param description   one line: what is damaged and how
 * @param base          the intact sample the mutation starts from
 * @param expectedCodes FindingCode codes (kebab strings) Loupe must report
 * @param mutation      the change to the bytes
 */
public record Corruption(String name, String description, Sample base, List<String> expectedCodes,
                         Mutation mutation) {

    public Corruption {
        expectedCodes = List.copyOf(expectedCodes);
    }

    static Corruption of(String name, Sample base, String description, Mutation mutation, String... codes) {
        return new Corruption(name, description, base, List.of(codes), mutation);
    }

    /** The damaged bytes: the database file and the WAL (null if the base has none). */
    public Image image() {
        Image img = new Image(Samples.bytes(base), Samples.walBytes(base));
        mutation.apply(img);
        return img;
    }

    /**
     * Writes the damaged database as {@code dir/<name>.db} (and its WAL as {@code <name>.db-wal}) and returns the
     * database's path.
     */
    public Path apply(Path dir) throws IOException {
        Image img = image();
        Files.createDirectories(dir);
        Path db = dir.resolve(name + ".db");
        Files.write(db, img.db());
        Path wal = dir.resolve(name + ".db-wal");
        if (img.wal() != null) {
            Files.write(wal, img.wal());
        } else {
            Files.deleteIfExists(wal);
        }
        return db;
    }
}
