package dev.loupe.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Access to the sample files, which live as class-path resources beside this class (files/NAME). */
public final class Samples {
    private static final String RESOURCE_DIR = "files/";
    private static final String WAL_SUFFIX = "-wal";

    private Samples() {
    }

    /**
     * Copies the sample (and its -wal, if it has one) into {@code dir}, replacing files of the same names, and
     * returns the path of the database file. Open copies, never the resources: SQLite writes beside what it opens.
     */
    public static Path copyTo(Sample s, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path db = dir.resolve(s.fileName());
        copyResource(s.fileName(), db);
        if (s.hasWal()) {
            copyResource(s.fileName() + WAL_SUFFIX, dir.resolve(s.fileName() + WAL_SUFFIX));
        }
        return db;
    }

    /** The database file's bytes. */
    public static byte[] bytes(Sample s) {
        return read(s.fileName());
    }

    /** The -wal file's bytes, or null if the sample has no WAL. */
    public static byte[] walBytes(Sample s) {
        return s.hasWal() ? read(s.fileName() + WAL_SUFFIX) : null;
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = open(name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample resource " + name, e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Samples.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IOException("sample resource missing from the class path: " + RESOURCE_DIR + name);
        }
        return in;
    }
}
