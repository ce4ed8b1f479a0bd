package dev.loupe.gui;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.hexdb.HexDbImage;
import dev.loupe.format.hexdb.HexDbReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the window opens: a database file (with its WAL as {@code options} say), or the hexdb text of one, as the
 * sqlite3 shell's {@code .dbtotxt} writes it and {@code .open --hexdb} reads it ("| size N pagesize P filename F",
 * then "| page K offset O" and hex lines), held in memory. A text that is damaged opens with what it could give,
 * its problems listed with the database's own.
 */
final class Opening {

    /** The first line of a hexdb text starts with this (after any blank lines or spaces). */
    private static final String HEXDB_START = "| size ";

    private Opening() {
    }

    static Database open(Path path, OpenOptions options) throws IOException {
        if (!isHexDb(path)) {
            return Database.open(path, options);
        }
        HexDbImage image;
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            image = HexDbReader.read(in);
        }
        if (!image.hasPages()) {
            throw new IOException(path + ": hexdb text holds no page"
                    + (image.problems().isEmpty() ? "" : " (" + image.problems().get(0).message() + ")"));
        }
        return Database.fromImage(image.bytes(), path.getFileName() + " (hexdb)");
    }

    /** True when the file starts like a hexdb text; a database file starts with "SQLite format 3". */
    static boolean isHexDb(Path path) throws IOException {
        byte[] head = new byte[256];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1).stripLeading();
        return text.startsWith(HEXDB_START);
    }
}
