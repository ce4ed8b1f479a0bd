package dev.loupe.samples.generate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table with values of every storage class and integer width, plus rows whose payload overflows, and an index.
 * Used at several page sizes and with reserved bytes, so the same logical content meets different layouts.
 */
final class MixedContent implements Content {
    private static final long SEED = 0x512_1024L;
    private static final String INSERT = "INSERT INTO mixed(i, r, t, b, v) VALUES (?, ?, ?, ?, ?)";

    /** Signed integers at each serial-type width boundary (fileformat2 §2.1: 1, 2, 3, 4, 6, 8 bytes). */
    static final List<Long> INTEGER_BOUNDARIES = List.of(
            0L, 1L, -1L, 2L, 127L, 128L, -128L, -129L,
            32767L, 32768L, -32768L, -32769L,
            8388607L, 8388608L, -8388608L, -8388609L,
            2147483647L, 2147483648L, -2147483648L, -2147483649L,
            (1L << 47) - 1, 1L << 47, -(1L << 47), -(1L << 47) - 1,
            Long.MAX_VALUE, Long.MIN_VALUE);

    private final int randomRows;
    private final int[] overflowSizes;
    private final int deletedRows;

    /**
     * @param randomRows    rows of random small values, enough for a table b-tree of depth >= 2 at the page size
     * @param overflowSizes payload sizes of rows that spill to overflow pages (alternately blob and text; text also overflows in the index)
     * @param deletedRows   rows deleted at the end (every third random row up to this count), leaving freeblocks
     */
    MixedContent(int randomRows, int[] overflowSizes, int deletedRows) {
        this.randomRows = randomRows;
        this.overflowSizes = overflowSizes.clone();
        this.deletedRows = deletedRows;
    }

    @Override
    public void fill(SqliteFile db) throws SQLException {
        TextSource source = new TextSource(SEED);
        db.exec("CREATE TABLE mixed(id INTEGER PRIMARY KEY, i INTEGER, r REAL, t TEXT, b BLOB, v)",
                "CREATE INDEX mixed_i_t ON mixed(i, t)");
        db.transaction(() -> {
            db.insert(INSERT, fixedRows());
            db.insert(INSERT, randomRows(source));
            db.insert(INSERT, overflowRows(source));
        });
        if (deletedRows > 0) {
            int firstRandom = fixedRows().size() + 1;
            db.exec("DELETE FROM mixed WHERE id >= " + firstRandom + " AND id < " + (firstRandom + deletedRows * 3)
                    + " AND id % 3 = 0");
        }
    }

    private static List<Object[]> fixedRows() {
        List<Object[]> rows = new ArrayList<>();
        for (long value : INTEGER_BOUNDARIES) {
            rows.add(new Object[] {value, (double) value, "int " + value, null, value});
        }
        double[] reals = {0.0, -0.0, 0.1, -2.25, 1.5, 3.141592653589793, 1e308, -1e308, 5e-324, 2.2250738585072014e-308};
        for (double value : reals) {
            rows.add(new Object[] {null, value, "real " + value, null, value});
        }
        rows.add(new Object[] {null, null, null, null, null});
        rows.add(new Object[] {0L, 0.0, "", new byte[0], ""});
        rows.add(new Object[] {1L, null, "blob", new byte[] {0, 1, 2, (byte) 0xff}, new byte[0]});
        return rows;
    }

    private List<Object[]> randomRows(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < randomRows; n++) {
            Object t = source.chance(0.08) ? null : source.words(source.between(1, 6));
            Object b = source.chance(0.3) ? null : source.blob(source.between(0, 24));
            Object r = source.chance(0.2) ? null : (source.nextDouble() - 0.5) * Math.pow(10, source.between(-5, 12));
            rows.add(new Object[] {randomInteger(source), r, t, b, randomAny(source)});
        }
        return rows;
    }

    /** An integer whose magnitude needs a random serial-type width, with either sign. */
    private static long randomInteger(TextSource source) {
        int bits = source.pick(List.of(1, 7, 15, 23, 31, 47, 63));
        long magnitude = bits == 63 ? source.nextLong() >>> 1 : source.nextLong() >>> (64 - bits);
        return source.chance(0.3) ? -magnitude : magnitude;
    }

    private static Object randomAny(TextSource source) {
        return switch (source.nextInt(5)) {
            case 0 -> randomInteger(source);
            case 1 -> source.nextDouble() * 1000;
            case 2 -> source.word();
            case 3 -> source.blob(source.between(1, 8));
            default -> null;
        };
    }

    private List<Object[]> overflowRows(TextSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < overflowSizes.length; k++) {
            int size = overflowSizes[k];
            if (k % 2 == 0) {
                rows.add(new Object[] {(long) size, null, "overflow blob", source.blob(size), null});
            } else {
                rows.add(new Object[] {(long) size, null, source.text(size), null, "overflow text"});
            }
        }
        return rows;
    }
}
