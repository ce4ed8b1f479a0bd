package dev.loupe.format.wal;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.page.ReadOnlyFile;

import java.io.IOException;
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
 * Commit 0 is the database file alone. Pass the database file's pages as they are on disk (not limited by the
 * header's page-count field): SQLite reads pages by offset.
 *
 * <p>When the WAL's page size differs from the database's, each frame image is cut or zero-padded to the
 * database page size and {@link #problems()} says so; SQLite would instead re-read with the size page 1 states.
 *
 * <p>The page-to-frame index is built in one pass over the frames ({@code O(frames)}), never rescanned per read.
 * Neither the database nor the WAL file is closed by {@link #close()}: the caller owns them.
 */
public final class WalPageSource implements PageSource {

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
        if (commit == 0) {
            this.lastFrame = 0;
            this.pageCount = database.pageCount();
        } else {
            WalCommit c = wal.commits().get(commit - 1);
            this.lastFrame = c.lastFrame();
            this.pageCount = c.databaseSize();
        }
        this.frameOf = new HashMap<>(Math.max(16, lastFrame * 2));
        for (int i = 1; i <= lastFrame; i++) {
            frameOf.put(wal.pageNumberOf(i), i); // a later frame replaces an earlier one
        }
        if (commit > 0 && walPageSize != database.pageSize()) {
            this.problems = List.of(new Problem(ProblemKind.WAL_PAGE_SIZE, Span.inFile(8, 4), "WAL page size "
                    + walPageSize + " differs from the database page size " + database.pageSize()
                    + ": frame images are cut or zero-padded to " + database.pageSize() + " bytes"));
        } else {
            this.problems = List.of();
        }
        this.description = database.describe() + (commit == 0 ? " (WAL not applied)"
                : " + WAL commit " + commit + " of " + wal.commits().size() + " (frames 1.." + lastFrame + ")");
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
