package dev.loupe.check.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What real SQLite says about a file: sqlite-jdbc (3.54.1) and the sqlite3 CLI (3.40.1), each on its own copy. */
public final class SqliteOracle {
    public static final String CLI = "/usr/bin/sqlite3";
    private static final String MAIN_PREFIX = "*** in database main ***";

    private SqliteOracle() {
    }

    /** PRAGMA integrity_check through sqlite-jdbc on a copy; a refusal becomes one line "ERROR: message". */
    public static List<String> jdbc(Path db, Path scratch) throws IOException {
        Path copy = copy(db, scratch.resolve("jdbc"));
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                out.addAll(Arrays.asList(String.valueOf(rs.getString(1)).split("\n")));
            }
        } catch (SQLException e) {
            out.add("ERROR: " + e.getMessage());
        }
        return out;
    }

    /** The sqlite3 CLI's stdout+stderr for PRAGMA integrity_check on a copy, read-only or read-write. */
    public static List<String> cli(Path db, Path scratch, boolean readOnly) throws IOException {
        Path copy = copy(db, scratch.resolve(readOnly ? "cli-ro" : "cli-rw"));
        List<String> cmd = new ArrayList<>(List.of(CLI));
        if (readOnly) {
            cmd.add("-readonly");
        }
        cmd.add(copy.toString());
        cmd.add("PRAGMA integrity_check");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** True unless the output is the single line "ok". */
    public static boolean flags(List<String> lines) {
        return !(lines.size() == 1 && lines.get(0).equals("ok"));
    }

    /** The integrity_check message lines: without the "*** in database main ***" line and CLI error lines. */
    public static List<String> messages(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.equals(MAIN_PREFIX) && !l.startsWith("Error: ")) {
                out.add(l);
            }
        }
        return out;
    }

    private static Path copy(Path db, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(db.getFileName());
        Files.copy(db, target, StandardCopyOption.REPLACE_EXISTING);
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        Path walTarget = dir.resolve(db.getFileName() + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, walTarget, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(walTarget);
        }
        Files.deleteIfExists(dir.resolve(db.getFileName() + "-shm"));
        return target;
    }
}
