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
 * A generated benchmark database: a deterministic file (page size 4096), written once with SQLite (sqlite-jdbc)
 * and reused while its stamp (application_id and user_version) matches. {@link BenchData} (256 MiB, for decoding)
 * and {@link CheckBenchData} (1 GiB, for the checker) are two of them: the same contents at two sizes.
 *
 * <p>Contents, meant to look like an application's database rather than a best case:
 * <ul>
 *   <li>{@code t}, a rowid table: INTEGER PRIMARY KEY, integers of every width (some NULL, many 0/1), reals
 *       (some NULL, some integral so SQLite stores them as integers), short and medium text (one value in ten
 *       with non-ASCII words: Latin-1 accents, Greek, Cyrillic, CJK, Hangul),
 *       an often-NULL longer text, blobs of 0..96 bytes; 0.8% of rows carry a 2..7 KiB text and 0.2% a 4..12 KiB
 *       blob, which spill onto overflow pages when they exceed what fits on a page;
 *       1% of rows are deleted afterwards, leaving freeblocks and freelist pages;</li>
 *   <li>two indexes on {@code t}: {@code t_name} on a text column, {@code t_n_r} on (integer, real);</li>
 *   <li>{@code kv}, a WITHOUT ROWID table keyed by text, filled in random key order.</li>
 * </ul>
 * Rows come from a fixed-seed generator, so the same SQLite version writes the same bytes.
 */
final class BenchFile {


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

    private final Spec spec;

    /**
     * What distinguishes one benchmark file from another; the contents follow from the seed and the row counts.
     *
     * @param pathProperty     system property naming the cache file
     * @param defaultPath      the cache file relative to the working directory
     * @param minSize          smallest acceptable file
     * @param applicationId    written to the header's application_id (offset 68): who wrote the file
     * @param generatorVersion written to user_version (offset 60); bump when the contents change
     * @param tRows            rows of table t
     * @param kvRows           rows of table kv
     * @param seed             seed of the row generator
     * @param cacheKib         SQLite page cache while writing (speed only: the bytes do not depend on it)
     * @param narrow           narrow rows: {@code body} and {@code data} always NULL, names of 1..3 words (about
     *                         50-byte records, as in a typical OLTP table), so index entries dominate the file
     */
    record Spec(String pathProperty, Path defaultPath, long minSize, int applicationId, int generatorVersion,
                int tRows, int kvRows, long seed, int cacheKib, boolean narrow) {
    }

    BenchFile(Spec spec) {
        this.spec = spec;
    }

    /**
     * The cache path: the {@value #PATH_PROPERTY} system property, else {@code bench-data/<default file name>} in the
     * benchmarks module's {@code target} directory (found from where this class was loaded, so the working
     * directory does not matter), else {@link #DEFAULT_PATH} relative to the working directory.
     */
    public Path configuredPath() {
        String p = System.getProperty(spec.pathProperty());
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        try {
            // benchmarks/target/loupe-benchmarks.jar or benchmarks/target/classes
            Path code = Path.of(BenchFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = code.getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
                return target.resolve("bench-data").resolve(spec.defaultPath().getFileName());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no usable code source (unusual class loader): fall back to the working directory
        }
        return spec.defaultPath();
    }

    /**
     * Returns {@code path}, generating it first unless it already holds this generator's output. A file there that
     * was not written by this generator is left alone and reported, never overwritten.
     */
    public Path ensure(Path path) throws IOException {
        if (Files.exists(path)) {
            if (isCurrent(path)) {
                return path;
            }
            if (!isOurs(path)) {
                throw new IOException(path + " exists and was not written by the Loupe benchmark generator;"
                        + " choose another -D" + spec.pathProperty() + " or remove it");
            }
        }
        generate(path);
        return path;
    }

    /** Written by this generator version, complete, and big enough. */
    boolean isCurrent(Path path) throws IOException {
        ByteBuffer h = header(path);
        return h != null && h.getInt(68) == spec.applicationId() && h.getInt(60) == spec.generatorVersion()
                && Files.size(path) >= spec.minSize();
    }

    private boolean isOurs(Path path) throws IOException {
        ByteBuffer h = header(path);
        return h != null && h.getInt(68) == spec.applicationId();
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
    void generate(Path path) throws IOException {
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
        if (size < spec.minSize()) {
            throw new IOException("generated only " + size + " bytes, less than " + spec.minSize());
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void fill(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = 4096");
            s.execute("PRAGMA journal_mode = OFF"); // a scratch file: nothing to roll back to, no journal beside it
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA cache_size = -" + spec.cacheKib());
            s.execute("PRAGMA application_id = " + spec.applicationId());
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER, r REAL, code TEXT, name TEXT, body TEXT,"
                    + " data BLOB, flag INTEGER)");
            s.execute("CREATE INDEX t_name ON t(name)");
            s.execute("CREATE INDEX t_n_r ON t(n, r)");
            s.execute("CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER, w REAL, note TEXT) WITHOUT ROWID");
        }
        c.setAutoCommit(false);
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= spec.tRows(); id++) {
                ins.setLong(1, id);
                setInteger(ins, 2, rnd);
                setReal(ins, 3, rnd);
                ins.setString(4, code(rnd));
                if (spec.narrow()) {
                    ins.setString(5, words(rnd, 1 + rnd.nextInt(3)));
                    ins.setNull(6, Types.VARCHAR);
                    ins.setNull(7, Types.BLOB);
                } else {
                    ins.setString(5, words(rnd, 3 + rnd.nextInt(8)));
                    setBody(ins, 6, rnd);
                    setBlob(ins, 7, rnd);
                }
                ins.setInt(8, rnd.nextInt(100) < 70 ? rnd.nextInt(2) : rnd.nextInt(1000));
                ins.addBatch();
                if (id % 10_000 == 0) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT OR IGNORE INTO kv VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < spec.kvRows(); i++) {
                ins.setString(1, Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36) + "/" + words(rnd, 1));
                ins.setLong(2, rnd.nextLong(1L << 40));
                if (rnd.nextInt(10) == 0) {
                    ins.setNull(3, Types.REAL);
                } else {
                    ins.setDouble(3, rnd.nextDouble() * 1e6);
                }
                ins.setString(4, rnd.nextInt(3) == 0 ? null : words(rnd, spec.narrow() ? 1 + rnd.nextInt(2)
                        : 2 + rnd.nextInt(10)));
                ins.addBatch();
                if (i % 10_000 == 9_999) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM t WHERE id % 100 = 37");
            s.execute("PRAGMA user_version = " + spec.generatorVersion());
        }
        c.commit();
    }

    /** Integers of every serial-type width, 10% NULL. */
    private static void setInteger(PreparedStatement ps, int i, SplittableRandom rnd) throws SQLException {
        int k = rnd.nextInt(10);
        switch (k) {
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

    /** {@code n} words; one value in ten mixes in non-ASCII words (decoded by a slower path than ASCII). */
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
}
