package dev.loupe.wal;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.Span;
import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.wal.WalCommit;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalFrame;
import dev.loupe.format.wal.WalHeader;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A database file and its WAL, both opened read-only, with the WAL decoded once ({@link WalFile#read}) and indexed
 * by page, so that any version of any page and the database as of any commit can be read without another pass
 * over the WAL. The page size is the database header's when valid, else the WAL header's; a frame image of another
 * size is cut or zero-padded to it (as {@link dev.loupe.format.wal.WalPageSource} does).
 */
public final class WalInput implements Closeable {

    private final Path databasePath;
    private final Path walPath;
    private final ReadOnlyFile dbFile;
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
        DatabaseHeader fileHeader = DatabaseHeader.decode(dbFile.readAt(0, DatabaseHeader.SIZE), dbFile.size());
        this.pageSize = fileHeader.pageSizeValid() ? fileHeader.pageSize()
                : wal.pageSize() > 0 ? wal.pageSize() : Database.FALLBACK_PAGE_SIZE;
        this.dbPageCount = dbFile.size() / pageSize;
        this.breakFrame = firstBreak(wal);
        // The reserved-bytes and encoding fields cannot change in a WAL, but a WAL-only database has an empty file:
        // take them from page 1 as of the latest commit.
        DatabaseHeader h = fileHeader;
        if (!fileHeader.magicOk()) {
            byte[] p1 = view(wal.commits().size()).read(1);
            if (p1 != null) {
                h = DatabaseHeader.decode(java.util.Arrays.copyOf(p1, DatabaseHeader.SIZE), (long) pageSize);
            }
        }
        int u = pageSize - h.reservedBytes();
        this.usableSize = u >= DatabaseHeader.MIN_USABLE_SIZE ? u : pageSize;
        this.encoding = h.textEncoding() == null ? TextEncoding.UTF8 : h.textEncoding();
    }

    /**
     * Opens {@code database} and {@code wal} read-only. Only I/O failures (a missing file) throw; a damaged WAL
     * is read as far as it goes and judged as SQLite would judge it.
     */
    public static WalInput open(Path database, Path wal) throws IOException {
        ReadOnlyFile db = ReadOnlyFile.open(database);
        ReadOnlyFile w = null;
        try {
            w = ReadOnlyFile.open(wal);
            return new WalInput(database, wal, db, w, WalFile.read(w));
        } catch (IOException | RuntimeException e) {
            db.close();
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

    public Path databasePath() {
        return databasePath;
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

    /** Whole pages in the database file. */
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
        byte[] b = new byte[pageSize];
        if (page >= 1 && page <= dbPageCount) {
            dbFile.read((page - 1) * pageSize, b, 0, pageSize);
        }
        return b;
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
     * Algorithm").
     */
    public PageSource view(int commit) {
        if (commit < 0 || commit > wal.commits().size()) {
            throw new IllegalArgumentException("commit " + commit + " of " + wal.commits().size());
        }
        int lastFrame = commit == 0 ? 0 : wal.commits().get(commit - 1).lastFrame();
        long count = commit == 0 ? dbPageCount : wal.commits().get(commit - 1).databaseSize();
        return new CommitView(this, lastFrame, count, commit);
    }

    /** The newest frame holding {@code page} at or before {@code lastFrame}, 0 if none. */
    int newestFrame(long page, int lastFrame) {
        return index.newest(page, lastFrame);
    }

    /**
     * The database as of valid commit {@code commit} (0 = the file alone), opened through {@link Database#open}
     * for what needs a {@link Database} (schema, row decoding). This reads the WAL again: use it sparingly.
     */
    public Database openDatabase(int commit) throws IOException {
        return Database.open(databasePath, OpenOptions.withWal(walPath).atCommit(commit));
    }

    @Override
    public void close() throws IOException {
        try {
            dbFile.close();
        } finally {
            walFile.close();
        }
    }
}
