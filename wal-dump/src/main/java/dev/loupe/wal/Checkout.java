package dev.loupe.wal;

import dev.loupe.format.BigEndian;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.wal.WalPageSource;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the database as of a commit as a plain database file that SQLite opens without a WAL: every page
 * 1..(the commit's database size) of the commit view, with page 1's header made consistent for a rollback-mode
 * file (fileformat2 §1.3):
 * <ul>
 *   <li>file format write/read versions (offsets 18 and 19) set to 1, "legacy": with 2 SQLite would look for a
 *       WAL beside the copy;</li>
 *   <li>the in-header database size (offset 28) set to the commit's size, and version-valid-for (offset 92) set
 *       to the change counter (offset 24) so that SQLite trusts that size (§1.3.9). In WAL mode SQLite does not
 *       keep either up to date in page 1 of the WAL; the checkpointed file gets them from the commit frame.</li>
 * </ul>
 * Nothing else changes; a page 1 whose header is not an SQLite header is written as it is.
 */
public final class Checkout {

    private static final int WRITE_VERSION = 18;
    private static final int READ_VERSION = 19;
    private static final int CHANGE_COUNTER = 24;
    private static final int DATABASE_SIZE = 28;
    private static final int VERSION_VALID_FOR = 92;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Checkout() {
    }

    /** Writes commit {@code k} of {@code pair} to {@code out} (which the caller opened and closes). */
    public static CheckoutResult write(WalPair pair, int k, OutputStream out) throws IOException {
        PageSource view = pair.view(k);
        long count = view.pageCount();
        long fromWal = 0;
        for (long p = 1; p <= count; p++) {
            byte[] page = view.read(p);
            if (page == null) {
                page = new byte[pair.pageSize()];
            }
            if (p == 1) {
                fixHeader(page, count);
            }
            if (view instanceof WalPageSource w && w.frameFor(p) != 0) {
                fromWal++;
            }
            out.write(page);
        }
        out.flush();
        int lastFrame = k == 0 ? 0 : pair.commit(k).lastFrame();
        return new CheckoutResult(k, pair.commitCount(), lastFrame, pair.pageSize(), count, fromWal,
                count * pair.pageSize());
    }

    /** Makes page 1's header that of a rollback-mode file of {@code pageCount} pages. */
    static void fixHeader(byte[] page1, long pageCount) {
        if (page1.length < 100 || !java.util.Arrays.equals(page1, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return;
        }
        page1[WRITE_VERSION] = 1;
        page1[READ_VERSION] = 1;
        BigEndian.putU32(page1, DATABASE_SIZE, pageCount);
        BigEndian.putU32(page1, VERSION_VALID_FOR, BigEndian.u32(page1, CHANGE_COUNTER));
    }
}
