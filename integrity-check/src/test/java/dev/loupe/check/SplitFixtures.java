package dev.loupe.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the tests of the split walks share: SQLite's own verdict on a file, and cell pointers read from its bytes. */
final class SplitFixtures {

    private SplitFixtures() {
    }

    /** SQLite's integrity_check lines (sqlite-jdbc, on a copy in {@code scratch}), or the error it gave instead. */
    static List<String> sqlite(Path file, Path scratch) throws Exception {
        Path copy = scratch.resolve("sqlite-" + file.getFileName());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            out.add("error: " + e.getMessage());
        } finally {
            Files.deleteIfExists(copy);
        }
        return out;
    }

    /** Cell {@code i}'s pointer on b-tree page {@code page} of a file of {@code pageSize}-byte pages (not page 1). */
    static int cellPointer(byte[] b, int pageSize, long page, int i) {
        int base = (int) ((page - 1) * pageSize);
        int header = b[base] == 2 || b[base] == 5 ? 12 : 8;
        int at = base + header + 2 * i;
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
