package dev.loupe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * The visualizer's tree benchmark database (bench/gui-tree.sh): one rowid table {@code t} whose b-tree has at least
 * {@value #MIN_TREE_PAGES} pages, on 512-byte pages so that the file stays small (about 55 MB): 1,800,000 rows of a
 * 20-character text, inserted in rowid order, make about 106,000 leaves under some 2,200 interior pages in four
 * levels. Written once with SQLite (sqlite-jdbc) and reused while its stamp (application_id and user_version)
 * matches; the tree's page count is asked of SQLite's dbstat after writing.
 */
public final class TreeBenchData {

    /** System property naming the cache file. */
    public static final String PATH_PROPERTY = "loupe.treebench.db";
    public static final Path DEFAULT_PATH = Path.of("benchmarks", "target", "bench-data", "tree-100k.db");
    public static final int MIN_TREE_PAGES = 100_000;
    private static final int ROWS = 1_800_000;
    /** application_id "LTRE"; user_version: the generator's version. */
    private static final int APPLICATION_ID = 0x4C545245;
    private static final int VERSION = 1;
    private static final long SEED = 0x7EE_2026L;

    private TreeBenchData() {
    }

    /** The cache path: the system property, else tree-100k.db in the benchmarks module's target/bench-data. */
    public static Path configuredPath() {
        String p = System.getProperty(PATH_PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        try {
            Path code = Path.of(TreeBenchData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = code.getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
                return target.resolve("bench-data").resolve(DEFAULT_PATH.getFileName());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no usable code source: fall back to the working directory
        }
        return DEFAULT_PATH;
    }

    /** Returns {@code path}, generating it first unless it already holds this generator's output. */
    public static Path ensure(Path path) throws IOException {
        if (Files.exists(path)) {
            ByteBuffer h = header(path);
            if (h != null && h.getInt(68) == APPLICATION_ID && h.getInt(60) == VERSION) {
                return path;
            }
            if (h == null || h.getInt(68) != APPLICATION_ID) {
                throw new IOException(path + " exists and was not written by this generator; choose another -D"
                        + PATH_PROPERTY + " or remove it");
            }
        }
        generate(path);
        return path;
    }

    private static ByteBuffer header(Path path) throws IOException {
        byte[] b = new byte[100];
        try (InputStream in = Files.newInputStream(path)) {
            if (in.readNBytes(b, 0, 100) < 100) {
                return null;
            }
        }
        return ByteBuffer.wrap(b);
    }

    private static void generate(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(path.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size = 512");
                s.execute("PRAGMA journal_mode = OFF"); // a scratch file: nothing to roll back to, no journal beside it
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            }
            c.setAutoCommit(false);
            SplittableRandom rnd = new SplittableRandom(SEED);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                StringBuilder v = new StringBuilder(20);
                for (int id = 1; id <= ROWS; id++) {
                    v.setLength(0);
                    for (int k = 0; k < 20; k++) {
                        v.append((char) ('a' + rnd.nextInt(26)));
                    }
                    ins.setLong(1, id);
                    ins.setString(2, v.toString());
                    ins.addBatch();
                    if (id % 20_000 == 0) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = " + VERSION);
            }
            c.commit();
            long pages = treePages(c);
            if (pages < MIN_TREE_PAGES) {
                throw new IOException("table t has only " + pages + " b-tree pages, fewer than " + MIN_TREE_PAGES);
            }
        } catch (SQLException e) {
            throw new IOException("generating " + path + ": " + e.getMessage(), e);
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Pages of t's b-tree as SQLite's dbstat counts them (interior and leaf pages; no overflow here). */
    static long treePages(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM dbstat WHERE name = 't'")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** Generates (or finds) the file at {@code args[0]}, else at the configured path; prints its absolute path. */
    public static void main(String[] args) throws IOException {
        Path p = ensure(args.length > 0 ? Path.of(args[0]) : configuredPath());
        System.out.println(p.toAbsolutePath());
    }
}
