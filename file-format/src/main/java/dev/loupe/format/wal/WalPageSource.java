package dev.loupe.format.wal;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The database as a reader sees it with the WAL applied up to a valid commit (walformat §"Reader Algorithm"):
 * page P is the newest frame for P at or before that commit's last frame, else page P of the database file.
 *
 * <p>The page count is the commit frame's database size. A page within that size that neither a frame nor the
 * database file supplies reads as zeros: SQLite's pager treats a short read of the database file as zeros
 * (pager.c readDbPage), and a checkpoint extends the file to the commit's size, which leaves such a page zero.
 * One bound applies, and is reported when it cuts: the pages that neither file supplies are at most as many as
 * those the database file and the applied frames can supply, plus {@link #MAX_EXTRA_ZERO_PAGES}. A damaged but
 * correctly checksummed commit frame can claim billions of pages that exist nowhere, and every reader of the view
 * would allocate or loop per page; the bound keeps the view proportional to the files while still showing the gap a
 * truncated database file leaves. Commit 0 is the database file alone. Pass the database file's pages as they
 * are on disk (not limited by the header's page-count field): SQLite reads pages by offset.
 *
 * <p>When the WAL's page size differs from the database's, each frame image is cut or zero-padded to the
 * database page size and {@link #problems()} says so; SQLite would instead re-read with the size page 1 states.
 *
 * <p>The page-to-frame index is built in one pass over the frames ({@code O(frames)}), never rescanned per read.
 * Neither the database nor the WAL file is closed by {@link #close()}: the caller owns them.
 */
public final class WalPageSource implements PageSource {

    /**
     * Zero pages (supplied by neither file) a view keeps beyond as many as the files supply, for 4 KiB pages and
     * smaller; larger pages get fewer, so the bound stays at 4 MiB of zeros whatever the page size.
     */
    public static final int MAX_EXTRA_ZERO_PAGES = 1024;
    private static final long MAX_EXTRA_ZERO_BYTES = 4L << 20;

    private final PageSource database;
    private final ReadOnlyFile walFile;
    private final int commit;
    private final int lastFrame;
    private final int walPageSize;
    private final int walFrameSize;
    private final long pageCount;
    private final Map<Long, Integer> frameOf;
    private final List<Problem> problems;
    private final String description;

    /**
     * @param commit 0 for the database file alone, else a valid commit number 1..{@code wal.commits().size()}
     * @throws IllegalArgumentException when {@code commit} is not one of those
     */
    public WalPageSource(PageSource database, WalFile wal, ReadOnlyFile walFile, int commit) {
        if (commit < 0 || commit > wal.commits().size()) {
            throw new IllegalArgumentException("commit " + commit + " of " + wal.commits().size());
        }
        this.database = database;
        this.walFile = walFile;
        this.commit = commit;
        this.walPageSize = wal.pageSize();
        this.walFrameSize = walPageSize + WalFrame.HEADER_SIZE;
        long declaredSize;
        if (commit == 0) {
            this.lastFrame = 0;
            declaredSize = database.pageCount();
        } else {
            WalCommit c = wal.commits().get(commit - 1);
            this.lastFrame = c.lastFrame();
            declaredSize = c.databaseSize();
        }
        this.frameOf = new HashMap<>(Math.max(16, lastFrame * 2));
        for (int i = 1; i <= lastFrame; i++) {
            frameOf.put(wal.pageNumberOf(i), i); // a later frame replaces an earlier one
        }
        List<Problem> found = new ArrayList<>(0);
        if (commit > 0 && walPageSize != database.pageSize()) {
            found.add(new Problem(ProblemKind.WAL_PAGE_SIZE, Span.inFile(8, 4), "WAL page size "
                    + walPageSize + " differs from the database page size " + database.pageSize()
                    + ": frame images are cut or zero-padded to " + database.pageSize() + " bytes"));
        }
        long limit = sizeLimit(database.pageCount(), lastFrame, database.pageSize());
        if (declaredSize > limit) {
            found.add(new Problem(ProblemKind.WAL_FRAME, Span.inFile(WalHeader.SIZE + (long) (lastFrame - 1)
                    * walFrameSize + 4, 4), "commit frame " + lastFrame + " gives a database size of " + declaredSize
                    + " pages, far more than the database file and the applied frames supply: pages "
                    + (limit + 1) + ".." + declaredSize + " are left out of this view (SQLite reads those no"
                    + " frame supplies as zeros)"));
            declaredSize = limit;
        }
        this.pageCount = declaredSize;
        this.problems = List.copyOf(found);
        this.description = database.describe() + (commit == 0 ? " (WAL not applied)"
                : " + WAL commit " + commit + " of " + wal.commits().size() + " (frames 1.." + lastFrame + ")");
    }

    /**
     * The most pages a view of a commit whose last frame is {@code lastFrame} shows over a database file of
     * {@code databasePages} pages of {@code pageSize} bytes (see the class comment).
     */
    public static long sizeLimit(long databasePages, int lastFrame, int pageSize) {
        return 2 * (databasePages + lastFrame) + Math.min(MAX_EXTRA_ZERO_PAGES, MAX_EXTRA_ZERO_BYTES / pageSize);
    }

    /** The number of the newest valid commit, 0 if the WAL has none: the view SQLite gives by default. */
    public static int latestCommit(WalFile wal) {
        return wal.commits().size();
    }

    /** The frame that supplies page {@code pgno} in this view, 0 when the page comes from the database file. */
    public long frameFor(long pgno) {
        if (pgno < 1 || pgno > pageCount) {
            return 0;
        }
        Integer frame = frameOf.get(pgno);
        return frame == null ? 0 : frame;
    }

    /** Which commit this view shows (0 = database file only). */
    public int commit() {
        return commit;
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public int pageSize() {
        return database.pageSize();
    }

    @Override
    public long pageCount() {
        return pageCount;
    }

    @Override
    public byte[] read(long pgno) throws IOException {
        if (pgno < 1 || pgno > pageCount) {
            return null;
        }
        int size = database.pageSize();
        Integer frame = frameOf.get(pgno);
        if (frame != null) {
            byte[] page = new byte[size];
            long offset = WalHeader.SIZE + (long) (frame - 1) * walFrameSize + WalFrame.HEADER_SIZE;
            int want = Math.min(size, walPageSize);
            if (walFile.read(offset, page, 0, want) < want) {
                throw new IOException("WAL shrank while being read: " + walFile.path());
            }
            return page;
        }
        byte[] page = database.read(pgno);
        return page != null ? page : new byte[size];
    }

    @Override
    public String describe() {
        return description;
    }
}
