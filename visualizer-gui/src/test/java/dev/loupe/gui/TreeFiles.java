package dev.loupe.gui;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.treeview.TreeLink;
import dev.loupe.format.treeview.TreeNode;
import dev.loupe.format.treeview.TreeView;
import dev.loupe.samples.Sample;
import dev.loupe.samples.Samples;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files for the b-tree view tests, and what SQLite says about them: deeper trees than the samples hold, a child
 * pointer damaged below the root, SQLite's integrity_check and dbstat on copies (SQLite writes beside what it opens).
 */
final class TreeFiles {

    private TreeFiles() {
    }

    /** A child pointer of an interior page set to a page past the end of the file. */
    record Damage(Path file, long page, long badChild, long lostChild) {
    }

    /**
     * Index {@code mixed_i_t} of the 512-byte-page sample (three levels) with the first child pointer of the root's
     * first child (an interior page) set past the end of the file.
     */
    static Damage deepIndexPointer(Path dir) throws IOException {
        Path db = Samples.copyTo(Sample.PAGE_512, dir);
        return damageFirstPointer(db, "mixed_i_t", 1);
    }

    /**
     * Sets the first child pointer of the first interior page at {@code depth} (following first children from the
     * root) of b-tree {@code name} to a page past the end of the file.
     */
    static Damage damageFirstPointer(Path db, String name, int depth) throws IOException {
        TreeNode node;
        long pageCount;
        int pageSize;
        try (Database d = Database.open(db, OpenOptions.ignoreWal())) {
            long root = PageMap.build(d).objects().stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElseThrow().census().root();
            TreeView v = MainWindow.treeOf(d, root);
            node = v.root();
            for (int k = 0; k < depth; k++) {
                node = node.children().get(0).node();
            }
            pageCount = d.pageCount();
            pageSize = d.pageSize();
        }
        TreeLink first = node.children().get(0);
        long bad = pageCount + 7;
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek((first.pointer().page() - 1) * pageSize + first.pointer().offset());
            f.writeInt((int) bad);
        }
        return new Damage(db, node.page(), bad, first.page());
    }

    /** A new database with page size 512 and one table {@code t} of {@code rows} short rows, inserted in order. */
    static Path bigTable(Path dir, int rows) throws SQLException {
        Path db = dir.resolve("big.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = 512");
                s.execute("PRAGMA journal_mode = DELETE");
                s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    ins.setInt(1, i);
                    ins.setString(2, "row " + i + " of the big table");
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
        }
        return db;
    }

    /**
     * SQLite's PRAGMA integrity_check lines for a copy of the file. On some damage SQLite stops with "database disk
     * image is malformed" after the lines it found: those lines are kept, the error is the last line.
     */
    static List<String> integrityCheck(Path db, Path scratch) throws IOException, SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = open(db, scratch); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        } catch (SQLException e) {
            lines.add("error: " + e.getMessage());
        }
        return lines;
    }

    /** SQLite's dbstat for b-tree {@code name} of a copy: path → page number, b-tree pages only (no overflow). */
    static Map<String, Long> dbstatPaths(Path db, String name, Path scratch) throws IOException, SQLException {
        Map<String, Long> paths = new LinkedHashMap<>();
        try (Connection c = open(db, scratch);
             PreparedStatement s = c.prepareStatement("SELECT path, pageno FROM dbstat WHERE name = ?"
                     + " AND pagetype IN ('internal', 'leaf') ORDER BY path")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    paths.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return paths;
    }

    private static Connection open(Path db, Path scratch) throws IOException, SQLException {
        Files.createDirectories(scratch);
        Path copy = Files.createTempFile(scratch, "oracle", ".db");
        Files.copy(db, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return DriverManager.getConnection("jdbc:sqlite:" + copy);
    }
}
