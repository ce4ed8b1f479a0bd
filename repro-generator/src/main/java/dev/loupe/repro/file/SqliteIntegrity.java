package dev.loupe.repro.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What SQLite (sqlite-jdbc, in-process) says of an image: PRAGMA integrity_check run on a copy written to a
 * private temporary directory (SQLite may create -wal/-shm beside what it opens).
 */
final class SqliteIntegrity {
    private SqliteIntegrity() {
    }

    /**
     * The lines of PRAGMA integrity_check, or one line "error: ..." when SQLite refuses the file; a list holding
     * only "ok" means SQLite found nothing wrong.
     */
    static List<String> check(byte[] image) throws IOException {
        Path dir = Files.createTempDirectory("loupe-repro-");
        try {
            Path db = dir.resolve("candidate.db");
            Files.write(db, image);
            List<String> lines = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            } catch (SQLException e) {
                lines.clear();
                lines.add("error: " + e.getMessage());
            }
            return lines;
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The kind of a verdict from {@link #check}: "ok"; "error: [CODE]" when SQLite refused the file or stopped
     * with an error (the result code only, the message may name pages); else "report", integrity_check's lines.
     */
    static String kind(List<String> lines) {
        if (lines.size() == 1 && lines.get(0).equals("ok")) {
            return "ok";
        }
        if (lines.size() == 1 && lines.get(0).startsWith("error: ")) {
            String line = lines.get(0);
            int end = line.indexOf(']');
            return end > 0 ? line.substring(0, end + 1) : line;
        }
        return "report";
    }

    /** True if SQLite flags the image: integrity_check reports something, or SQLite refuses the file. */
    static boolean flags(byte[] image) throws IOException {
        List<String> lines = check(image);
        return !(lines.size() == 1 && lines.get(0).equals("ok"));
    }
}
