package dev.loupe.wal;

import dev.loupe.format.Database;
import dev.loupe.format.Span;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.page.FilePageSource;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.wal.WalCommit;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalFrame;
import dev.loupe.format.wal.WalHeader;
import dev.loupe.format.wal.WalPageSource;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A database file and its WAL, both opened read-only, with the WAL decoded once ({@link WalFile#read}) and indexed
 * by page, so that any version of any page and the database as of any commit can be read without another pass
 * over the WAL. The page size is the database header's when valid, else the WAL header's; a frame image of another
 * size is cut or zero-padded to it (as {@link WalPageSource} does). The database file may be missing (a -wal
 * given without its database): it then holds no pages, and a page no frame holds reads as zeros.
 */
public final class WalInput implements Closeable {

    private final Path databasePath;
    private final Path walPath;
    private final ReadOnlyFile dbFile;
    private final FilePageSource dbPages;
    private final ReadOnlyFile walFile;
    private final WalFile wal;
    private final FrameIndex index;
    private final int pageSize;
    private final int usableSize;
    private final TextEncoding encoding;
    private final long dbPageCount;
    private final int breakFrame;

    private WalInput(Path databasePath, Path walPath, ReadOnlyFile dbFile, ReadOnlyFile walFile, WalFile wal)
            throws IOException {
        this.databasePath = databasePath;
        this.walPath = walPath;
        this.dbFile = dbFile;
        this.walFile = walFile;
        this.wal = wal;
        this.index = FrameIndex.of(wal.frames());
        DatabaseHeader fileHeader = dbFile == null ? null
                : DatabaseHeader.decode(dbFile.readAt(0, DatabaseHeader.SIZE), dbFile.size());
        this.pageSize = fileHeader != null && fileHeader.pageSizeValid() ? fileHeader.pageSize()
                : wal.pageSize() > 0 ? wal.pageSize() : Database.FALLBACK_PAGE_SIZE;
        // As SQLite's pager and Database.open's WAL view: the file's pages by offset, a partial last page counting
        // (its missing bytes read as zeros), whatever the header's page count says.
        this.dbPages = dbFile == null ? null : new FilePageSource(dbFile, pageSize, false);
        this.dbPageCount = dbPages == null ? 0 : dbPages.pageCount();
        this.breakFrame = firstBreak(wal);
        // The reserved-bytes and encoding fields cannot change in a WAL, but a WAL-only database has an empty file:
        // take them from page 1 as of the latest commit.
        DatabaseHeader h = fileHeader;
        if (h == null || !h.magicOk()) {
            byte[] p1 = view(wal.commits().size()).read(1);
            if (p1 != null) {
                h = DatabaseHeader.decode(Arrays.copyOf(p1, DatabaseHeader.SIZE), (long) pageSize);
            }
        }
        int u = h == null ? pageSize : pageSize - h.reservedBytes();
        this.usableSize = u >= DatabaseHeader.MIN_USABLE_SIZE ? u : pageSize;
        this.encoding = h == null || h.textEncoding() == null ? TextEncoding.UTF8 : h.textEncoding();
    }

    /**
     * Opens {@code database} and {@code wal} read-only. Only I/O failures (a missing file) throw; a damaged WAL
     * is read as far as it goes and judged as SQLite would judge it.
     */
    public static WalInput open(Path database, Path wal) throws IOException {
        return open(database, true, wal);
    }

    /**
     * Opens {@code wal} read-only, and {@code database} when {@code databaseExists}; without it the database file
     * holds no pages ({@code database} is still the name it would have, for messages).
     */
    public static WalInput open(Path database, boolean databaseExists, Path wal) throws IOException {
        ReadOnlyFile db = databaseExists ? ReadOnlyFile.open(database) : null;
        ReadOnlyFile w = null;
        try {
            w = ReadOnlyFile.open(wal);
            return new WalInput(database, wal, db, w, WalFile.read(w));
        } catch (IOException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            if (w != null) {
                w.close();
            }
            throw e;
        }
    }
    /** The first frame that breaks the chain (bad salt, page number 0, bad checksum), 0 when none does. */
    private static int firstBreak(WalFile wal) {
        if (!wal.headerUsable()) {
            return wal.frames().isEmpty() ? 0 : 1;
        }
        for (WalFrame f : wal.frames()) {
            if (!f.saltOk() || f.pageNumber() == 0 || !f.checksumOk()) {
                return f.index();
            }
        }
        return 0;
    }

    /** The database file's path (see {@link #hasDatabaseFile()}). */
    public Path databasePath() {
        return databasePath;
    }

    /** False when only the WAL was opened: the database file did not exist. */
    public boolean hasDatabaseFile() {
        return dbFile != null;
    }

    public Path walPath() {
        return walPath;
    }

    public WalFile wal() {
        return wal;
    }

    public int pageSize() {
        return pageSize;
    }

    public int usableSize() {
        return usableSize;
    }

    public TextEncoding encoding() {
        return encoding;
    }

    /** Pages in the database file (a partial last page counts, as for SQLite's pager). */
    public long databaseFilePages() {
        return dbPageCount;
    }

    /** The valid commits (1-based numbering). */
    public List<WalCommit> commits() {
        return wal.commits();
    }

    /** The largest page number in the database file, any frame, or any commit's database size. */
    public long largestPage() {
        long largest = Math.max(dbPageCount, index.largestPage());
        for (WalCommit c : wal.commits()) {
            largest = Math.max(largest, c.databaseSize());
        }
        return largest;
    }

    /** Whether SQLite uses frame {@code frame} (1-based), and how. */
    public VersionStatus statusOf(int frame) {
        WalFrame f = wal.frames().get(frame - 1);
        if (f.valid()) {
            return VersionStatus.COMMITTED;
        }
        return breakFrame != 0 && frame >= breakFrame ? VersionStatus.IGNORED : VersionStatus.UNCOMMITTED;
    }

    /** The frames holding {@code page}, ascending, valid or not. */
    public int[] framesOf(long page) {
        return index.framesOf(page);
    }

    /** The database file's version of {@code page}, or null when the file does not hold it. */
    public PageVersion databaseVersion(long page) {
        if (page < 1 || page > dbPageCount) {
            return null;
        }
        return new PageVersion(page, 0, 0, VersionStatus.DATABASE_FILE,
                Span.inFile((page - 1) * pageSize, pageSize));
    }

    /** Frame {@code frame}'s version of the page it holds. */
    public PageVersion frameVersion(int frame) {
        WalFrame f = wal.frames().get(frame - 1);
        return new PageVersion(f.pageNumber(), frame, f.commit(), statusOf(frame), f.dataSpan(wal.pageSize()));
    }

    /** The bytes of a version ({@code pageSize} bytes). */
    public byte[] read(PageVersion v) throws IOException {
        return v.isDatabaseFile() ? readDatabasePage(v.page()) : readFrame(v.frame());
    }

    byte[] readDatabasePage(long page) throws IOException {
        byte[] b = dbPages == null ? null : dbPages.read(page);
        return b != null ? b : new byte[pageSize];
    }

    byte[] readFrame(int frame) throws IOException {
        byte[] b = new byte[pageSize];
        int walPageSize = wal.pageSize();
        long offset = WalHeader.SIZE + (long) (frame - 1) * (walPageSize + WalFrame.HEADER_SIZE)
                + WalFrame.HEADER_SIZE;
        int want = Math.min(pageSize, walPageSize);
        if (walFile.read(offset, b, 0, want) < want) {
            throw new IOException("WAL shrank while being read: " + walFile.path());
        }
        return b;
    }

    /**
     * The pages as of valid commit {@code commit} (0 = the database file alone): page P is the newest frame for P
     * at or before the commit's last frame, else the database file's page P, else zeros (walformat §"Reader
     * Algorithm"). The page count is the commit frame's database size, bounded as {@link WalPageSource} bounds it
     * (a damaged commit frame can claim billions of pages that exist nowhere).
     */
    public PageSource view(int commit) {
        if (commit < 0 || commit > wal.commits().size()) {
            throw new IllegalArgumentException("commit " + commit + " of " + wal.commits().size());
        }
        if (commit == 0) {
            return new CommitView(this, 0, dbPageCount, 0);
        }
        WalCommit c = wal.commits().get(commit - 1);
        long limit = WalPageSource.sizeLimit(dbPageCount, c.lastFrame(), pageSize);
        return new CommitView(this, c.lastFrame(), Math.min(c.databaseSize(), limit), commit);
    }

    /** The newest frame holding {@code page} at or before {@code lastFrame}, 0 if none. */
    int newestFrame(long page, int lastFrame) {
        return index.newest(page, lastFrame);
    }

    /**
     * The database as of valid commit {@code commit} (0 = the file alone) for what needs a {@link Database} (schema,
     * row decoding): a {@link Database#fromPages} over {@link #view}, so no pass over the WAL. Closing it closes
     * nothing; this input owns the files.
     */
    public Database openDatabase(int commit) throws IOException {
        return Database.fromPages(view(commit), view(commit).describe());
    }

    @Override
    public void close() throws IOException {
        try {
            if (dbFile != null) {
                dbFile.close();
            }
        } finally {
            walFile.close();
        }
    }
}
