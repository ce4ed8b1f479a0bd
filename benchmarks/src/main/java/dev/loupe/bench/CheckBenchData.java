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
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.SplittableRandom;

/**
 * The checker benchmark database (issue 4: {@code bench/check-vs-sqlite.sh}): a deterministic file of at least
 * 1 GiB (page size 4096), written once with SQLite (sqlite-jdbc) and reused while its stamp matches.
 *
 * <p>The same kind of content as {@link BenchData}, four times over, so that both checkers have every kind of
 * work to do:
 * <ul>
 *   <li>{@code t}, a rowid table (INTEGER PRIMARY KEY; integers of every width, reals, short and medium text with
 *       one value in ten non-ASCII, an often-NULL longer text, small blobs; 0.8% of rows with a 2..7 KiB text and
 *       0.2% with a 4..12 KiB blob, which spill onto overflow pages); 1% of rows deleted afterwards, leaving
 *       freeblocks and freelist pages;</li>
 *   <li>two secondary indexes on {@code t}: {@code t_name} (text) and {@code t_n_r} (integer, real);</li>
 *   <li>{@code kv}, a WITHOUT ROWID table keyed by text, filled in random key order.</li>
 * </ul>
 * Rows come from a fixed-seed generator, so the same SQLite version writes the same bytes. It takes about two
 * minutes to write on the 2-core bench machine.
 */
public final class CheckBenchData {

    /** System property naming the cache file. */
    public static final String PATH_PROPERTY = "loupe.checkbench.db";
    public static final Path DEFAULT_PATH = Path.of("benchmarks", "target", "bench-data", "check-1g.db");
    public static final long MIN_SIZE = 1024L * 1024 * 1024;

    /** Written to the header's application_id (offset 68): "LCHK". */
    static final int APPLICATION_ID = 0x4C43484B;
    /** Written to user_version (offset 60); bump when the generator changes so cached files are rebuilt. */
    static final int GENERATOR_VERSION = 1;

    static final int T_ROWS = 2_500_000;
    static final int KV_ROWS = 1_700_000;
    private static final long SEED = 0xC4EC_2026L;

    private static final String[] WORDS = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo",
        "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
        "whiskey", "xray", "yankee", "zulu", "Amsterdam", "Berlin", "Lisbon", "Oslo", "Paris", "Vienna",
    };
    /** Words of the "international" text values: the ASCII ones plus Latin-1 and non-Latin scripts. */
    private static final String[] WORDS_INTL = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo",
        "café", "Zürich", "naïve", "São Paulo", "smörgåsbord", "Kraków", "東京", "Ελλάδα", "год", "서울",
    };
    /** Share of text values (in percent) drawn from {@link #WORDS_INTL}; the rest are plain ASCII. */
    private static final int INTL_PERCENT = 10;

    private CheckBenchData() {
    }

    /**
     * The cache path: the {@value #PATH_PROPERTY} system property, else {@code bench-data/check-1g.db} in the
     * benchmarks module's {@code target} directory (found from where this class was loaded), else
     * {@link #DEFAULT_PATH} relative to the working directory.
     */
    public static Path configuredPath() {
        String p = System.getProperty(PATH_PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        try {
            Path code = Path.of(CheckBenchData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = code.getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
                return target.resolve("bench-data").resolve(DEFAULT_PATH.getFileName());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no usable code source (unusual class loader): fall back to the working directory
        }
        return DEFAULT_PATH;
    }

    /**
     * Returns {@code path}, generating it first unless it already holds this generator's output. A file there that
     * was not written by this generator is left alone and reported, never overwritten.
     */
    public static Path ensure(Path path) throws IOException {
        if (Files.exists(path)) {
            ByteBuffer h = header(path);
            boolean ours = h != null && h.getInt(68) == APPLICATION_ID;
            if (ours && h.getInt(60) == GENERATOR_VERSION && Files.size(path) >= MIN_SIZE) {
                return path;
            }
            if (!ours) {
                throw new IOException(path + " exists and was not written by the Loupe checker benchmark generator;"
                        + " choose another -D" + PATH_PROPERTY + " or remove it");
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
        return ByteBuffer.wrap(b); // big-endian, as the file format
    }

    /** Writes the database beside {@code path} and moves it into place once complete. */
    static void generate(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(path.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp)) {
            fill(c);
        } catch (SQLException e) {
            throw new IOException("generating " + path + ": " + e.getMessage(), e);
        }
        long size = Files.size(tmp);
        if (size < MIN_SIZE) {
            throw new IOException("generated only " + size + " bytes, less than " + MIN_SIZE);
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void fill(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = 4096");
            s.execute("PRAGMA journal_mode = OFF"); // a scratch file: nothing to roll back to, no journal beside it
            s.execute("PRAGMA synchronous = OFF");
            // the indexes and kv are filled in random key order: keep their pages in SQLite's cache
            s.execute("PRAGMA cache_size = -786432");
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, r REAL, code TEXT, name TEXT, body TEXT,"
                    + " data BLOB, flag INTEGER)");
            s.execute("CREATE INDEX t_name ON t(name)");
            s.execute("CREATE INDEX t_n_r ON t(n, r)");
            s.execute("CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER, w REAL, note TEXT) WITHOUT ROWID");
        }
        c.setAutoCommit(false);
        SplittableRandom rnd = new SplittableRandom(SEED);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= T_ROWS; id++) {
                ins.setLong(1, id);
                setInteger(ins, 2, rnd);
                setReal(ins, 3, rnd);
                ins.setString(4, code(rnd));
                ins.setString(5, words(rnd, 3 + rnd.nextInt(8)));
                setBody(ins, 6, rnd);
                setBlob(ins, 7, rnd);
                ins.setInt(8, rnd.nextInt(100) < 70 ? rnd.nextInt(2) : rnd.nextInt(1000));
                ins.addBatch();
                if (id % 10_000 == 0) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT OR IGNORE INTO kv VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < KV_ROWS; i++) {
                ins.setString(1, Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36) + "/" + words(rnd, 1));
                ins.setLong(2, rnd.nextLong(1L << 40));
                if (rnd.nextInt(10) == 0) {
                    ins.setNull(3, Types.REAL);
                } else {
                    ins.setDouble(3, rnd.nextDouble() * 1e6);
                }
                ins.setString(4, rnd.nextInt(3) == 0 ? null : words(rnd, 2 + rnd.nextInt(10)));
                ins.addBatch();
                if (i % 10_000 == 9_999) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM t WHERE id % 100 = 37");
            s.execute("PRAGMA user_version = " + GENERATOR_VERSION);
        }
        c.commit();
    }

    /** Integers of every serial-type width, 10% NULL. */
    private static void setInteger(PreparedStatement ps, int i, SplittableRandom rnd) throws SQLException {
        switch (rnd.nextInt(10)) {
            case 0 -> ps.setNull(i, Types.INTEGER);
            case 1, 2 -> ps.setLong(i, rnd.nextInt(2));
            case 3, 4 -> ps.setLong(i, rnd.nextInt(-128, 128));
            case 5 -> ps.setLong(i, rnd.nextInt(-32768, 32768));
            case 6 -> ps.setLong(i, rnd.nextInt(1 << 24));
            case 7 -> ps.setLong(i, rnd.nextInt());
            case 8 -> ps.setLong(i, rnd.nextLong(1L << 47));
            default -> ps.setLong(i, rnd.nextLong());
        }
    }

    /** Reals, 10% NULL, 10% integral (stored by SQLite as integers under REAL affinity). */
    private static void setReal(PreparedStatement ps, int i, SplittableRandom rnd) throws SQLException {
        int k = rnd.nextInt(10);
        if (k == 0) {
            ps.setNull(i, Types.REAL);
        } else if (k == 1) {
            ps.setDouble(i, rnd.nextInt(100_000));
        } else {
            ps.setDouble(i, (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-3, 12)));
        }
    }

    /** Often NULL, else a medium text; 0.8% of rows carry a long text (2..7 KiB) that overflows the page. */
    private static void setBody(PreparedStatement ps, int i, SplittableRandom rnd) throws SQLException {
        int k = rnd.nextInt(1000);
        if (k < 450) {
            ps.setNull(i, Types.VARCHAR);
        } else if (k < 992) {
            ps.setString(i, words(rnd, 10 + rnd.nextInt(60)));
        } else {
            ps.setString(i, words(rnd, 300 + rnd.nextInt(700)));
        }
    }

    /** 0..96 random bytes, 5% NULL, 0.2% a 4..12 KiB blob. */
    private static void setBlob(PreparedStatement ps, int i, SplittableRandom rnd) throws SQLException {
        int k = rnd.nextInt(1000);
        if (k < 50) {
            ps.setNull(i, Types.BLOB);
            return;
        }
        byte[] b = new byte[k < 998 ? rnd.nextInt(97) : 4096 + rnd.nextInt(8 * 1024)];
        rnd.nextBytes(b);
        ps.setBytes(i, b);
    }

    private static String code(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(12);
        int n = 4 + rnd.nextInt(9);
        for (int j = 0; j < n; j++) {
            sb.append((char) ('A' + rnd.nextInt(26)));
        }
        return sb.toString();
    }

    /** {@code n} words; one value in ten mixes in non-ASCII words. */
    private static String words(SplittableRandom rnd, int n) {
        String[] from = rnd.nextInt(100) < INTL_PERCENT ? WORDS_INTL : WORDS;
        StringBuilder sb = new StringBuilder(n * 7);
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                sb.append(' ');
            }
            sb.append(from[rnd.nextInt(from.length)]);
        }
        return sb.toString();
    }

    /**
     * Generates (or finds) the file at {@code args[0]}, else at the configured path, and prints its absolute path
     * as the only line on stdout (for scripts).
     */
    public static void main(String[] args) throws IOException {
        Path p = ensure(args.length > 0 ? Path.of(args[0]) : configuredPath());
        System.out.println(p.toAbsolutePath());
    }
}
