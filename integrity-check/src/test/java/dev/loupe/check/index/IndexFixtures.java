package dev.loupe.check.index;

import dev.loupe.format.Varint;
import dev.loupe.check.CheckOptions;
import dev.loupe.check.CheckReport;
import dev.loupe.check.Checker;
import dev.loupe.check.Finding;
import dev.loupe.check.FindingCode;
import dev.loupe.format.OpenOptions;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Builds and damages databases for the index checks, and asks SQLite (sqlite-jdbc 3.54) what it thinks of them. */
final class IndexFixtures {

    private IndexFixtures() {
    }

    /** Runs {@code sql} (statements separated by ";\n") in a fresh database at {@code file}. */
    static void build(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Statements run with writable_schema on (for swapping an index's SQL or hiding an index from SQLite). */
    static void writableSchema(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA writable_schema=ON");
            for (String sql : statements) {
                s.execute(sql);
            }
            s.execute("PRAGMA writable_schema=OFF");
        }
    }

    /**
     * A copy of the database image {@code file} with one to eight random bytes changed on pages after the first, most
     * near a page's start (b-tree headers and cell pointers), the rest anywhere (child pointers, cells).
     */
    static byte[] changedAtRandom(byte[] file, int pageSize, Random rnd) {
        byte[] b = file.clone();
        for (int j = 0; j < 1 + rnd.nextInt(8); j++) {
            int page = 1 + rnd.nextInt(b.length / pageSize - 1);
            int off = rnd.nextInt(10) < 7 ? rnd.nextInt(40) : rnd.nextInt(pageSize);
            b[page * pageSize + off] = (byte) rnd.nextInt(256);
        }
        return b;
    }

    static long rootPage(Path file, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = '" + name + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Hides index {@code name} from SQLite, runs {@code changes} (the table changes, the index does not follow), and
     * puts the index back: its b-tree is then stale, as after a bug that skipped an index update.
     */
    static void staleIndex(Path file, String name, String... changes) throws Exception {
        String[] row = new String[5];
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema"
                     + " WHERE name = '" + name + "'")) {
            rs.next();
            for (int i = 0; i < 5; i++) {
                row[i] = rs.getString(i + 1);
            }
        }
        writableSchema(file, "DELETE FROM sqlite_schema WHERE name = '" + name + "'");
        build(file, changes);
        writableSchema(file, "INSERT INTO sqlite_schema VALUES ('" + row[0] + "', '" + row[1] + "', '" + row[2]
                + "', " + row[3] + ", '" + row[4].replace("'", "''") + "')");
    }

    /**
     * Sets the rowid of the last divider cell of the table interior page {@code page} to {@code rowid}, which must
     * take as many varint bytes as the one it replaces: a descent by rowid then goes the wrong way for the rowids
     * between the two, while a walk of the tree still reads every row.
     */
    static void raiseLastDivider(Path file, long page, long rowid) throws Exception {
        byte[] db = Files.readAllBytes(file);
        int start = (int) ((page - 1) * pageSize(db));
        int hdr = start + (page == 1 ? 100 : 0);
        if (db[hdr] != 0x05) {
            throw new IllegalArgumentException("page " + page + " is not a table interior page");
        }
        int cells = ((db[hdr + 3] & 0xff) << 8) | (db[hdr + 4] & 0xff);
        int ptr = hdr + 12 + 2 * (cells - 1);
        int cell = start + (((db[ptr] & 0xff) << 8) | (db[ptr + 1] & 0xff));
        int at = cell + 4;
        int len = Varint.length(db, at, db.length);
        if (Varint.sizeOf(rowid) != len) {
            throw new IllegalArgumentException(rowid + " does not take the " + len + " varint bytes it replaces");
        }
        Varint.write(rowid, db, at);
        Files.write(file, db);
    }

    /** The page size of the database image {@code db}, from its header (1 meaning 65536). */
    private static int pageSize(byte[] db) {
        int pageSize = ((db[16] & 0xff) << 8) | (db[17] & 0xff);
        return pageSize == 1 ? 65536 : pageSize;
    }

    /** Replaces the first occurrence of {@code from} by {@code to} (same length) on page {@code page}. */
    static void patchPage(Path file, long page, String from, String to, Charset cs) throws Exception {
        byte[] db = Files.readAllBytes(file);
        int pageSize = pageSize(db);
        byte[] f = from.getBytes(cs);
        byte[] t = to.getBytes(cs);
        if (f.length != t.length) {
            throw new IllegalArgumentException("patch must keep the length");
        }
        int start = (int) ((page - 1) * pageSize);
        for (int i = start; i + f.length <= start + pageSize; i++) {
            if (java.util.Arrays.equals(db, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, db, i, t.length);
                Files.write(file, db);
                return;
            }
        }
        throw new IllegalArgumentException(from + " not found on page " + page);
    }

    /** The {@code row N missing from index I} lines of {@link #integrityCheck354}, all of them (no limit of 100). */
    static TreeSet<String> sqliteMissingRows(Path db, Path scratch) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        for (String line : integrityCheck354(db, scratch, 1_000_000)) {
            if (line.matches("row \\d+ missing from index \\w+")) {
                out.add(line);
            }
        }
        return out;
    }

    /** The SQLite lines of a report's INDEX_ENTRY_MISSING findings (to hold to {@link #sqliteMissingRows}). */
    static TreeSet<String> missingRows(CheckReport report) {
        TreeSet<String> out = new TreeSet<>();
        for (Finding f : report.findings()) {
            if (f.code() == FindingCode.INDEX_ENTRY_MISSING) {
                out.add(f.sqlite());
            }
        }
        return out;
    }

    /** PRAGMA integrity_check lines from sqlite-jdbc (3.54) on a copy of {@code db}. */
    static List<String> integrityCheck354(Path db, Path scratch) throws Exception {
        return integrityCheck354(db, scratch, 100);
    }

    /** The same, stopping after {@code maxErrors} lines instead of SQLite's default 100. */
    static List<String> integrityCheck354(Path db, Path scratch, int maxErrors) throws Exception {
        Files.createDirectories(scratch);
        Path copy = scratch.resolve("jdbc-" + db.getFileName());
        Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check(" + maxErrors + ")")) {
            while (rs.next()) {
                for (String l : rs.getString(1).split("\n")) {
                    if (!l.isBlank() && !l.equals("*** in database main ***")) {
                        out.add(l);
                    }
                }
            }
        }
        return out;
    }

    static CheckReport check(Path db) throws Exception {
        return new Checker(CheckOptions.defaults().withThreads(2), List.of(new IndexChecks()))
                .check(db, OpenOptions.ignoreWal());
    }
}
