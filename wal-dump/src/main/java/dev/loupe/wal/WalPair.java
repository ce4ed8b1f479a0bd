package dev.loupe.wal;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.page.FilePageSource;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.wal.WalCommit;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalPageSource;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A database file and its WAL, opened read-only, from which the database as of any valid commit can be read.
 * Commit 0 is the database file alone, as SQLite reads it without a WAL (pages past a valid header page count are
 * not part of it); commit K (1-based over the valid commits) is the database file with frames 1..(commit K's last
 * frame) applied, as {@link WalPageSource} defines it. The WAL applies only when its page size is the database's;
 * otherwise, as for SQLite, there are no commits to apply.
 */
public final class WalPair implements Closeable {

    private final Path database;
    private final Path walPath;
    private final Database fileOnly;
    private final ReadOnlyFile dbFile;
    private final ReadOnlyFile walFile;
    private final WalFile wal;
    private final int pageSize;

    private WalPair(Path database, Path walPath, Database fileOnly, ReadOnlyFile dbFile, ReadOnlyFile walFile,
                    WalFile wal) {
        this.database = database;
        this.walPath = walPath;
        this.fileOnly = fileOnly;
        this.dbFile = dbFile;
        this.walFile = walFile;
        this.wal = wal;
        this.pageSize = fileOnly.pageSize();
    }

    /**
     * Opens {@code database} and {@code wal} (null: the {@code -wal} beside the database, if there is one).
     * Only I/O failures throw.
     */
    public static WalPair open(Path database, Path wal) throws IOException {
        return open(database, wal, true);
    }

    /** As {@link #open(Path, Path)}; with {@code useWal} false no WAL is read and commit 0 is the only one. */
    public static WalPair open(Path database, Path wal, boolean useWal) throws IOException {
        Path walPath = wal != null ? wal : database.resolveSibling(database.getFileName() + "-wal");
        Database fileOnly = Database.open(database, OpenOptions.ignoreWal());
        ReadOnlyFile dbFile = null;
        ReadOnlyFile walFile = null;
        try {
            dbFile = ReadOnlyFile.open(database);
            WalFile decoded = null;
            if (useWal && (wal != null || Files.isRegularFile(walPath))) {
                walFile = ReadOnlyFile.open(walPath);
                decoded = WalFile.read(walFile);
            }
            return new WalPair(database, walFile == null ? null : walPath, fileOnly, dbFile, walFile, decoded);
        } catch (IOException | RuntimeException e) {
            fileOnly.close();
            if (dbFile != null) {
                dbFile.close();
            }
            if (walFile != null) {
                walFile.close();
            }
            throw e;
        }
    }

    public Path database() {
        return database;
    }

    /** The WAL file read, null when there is none. */
    public Path walPath() {
        return walPath;
    }

    /** The decoded WAL, null when there is none. */
    public WalFile wal() {
        return wal;
    }

    public int pageSize() {
        return pageSize;
    }

    /** The database file read alone (commit 0). */
    public Database fileOnly() {
        return fileOnly;
    }

    /** Whether the WAL's frames can apply to this database at all. */
    public boolean walApplies() {
        return wal != null && wal.pageSize() == pageSize && !wal.commits().isEmpty();
    }

    /** The valid commits that can be applied (empty when the WAL does not apply). */
    public List<WalCommit> commits() {
        return walApplies() ? wal.commits() : List.of();
    }

    public int commitCount() {
        return commits().size();
    }

    /** Commit {@code k}, 1-based. */
    public WalCommit commit(int k) {
        return commits().get(k - 1);
    }

    /**
     * The pages as of commit {@code k} (0..{@link #commitCount()}); the caller must not close the returned source
     * separately from this pair.
     */
    public PageSource view(int k) throws IOException {
        if (k < 0 || k > commitCount()) {
            throw new IllegalArgumentException("commit " + k + " of " + commitCount());
        }
        if (k == 0) {
            return fileOnly.pages();
        }
        return new WalPageSource(onDisk(), wal, walFile, k);
    }

    /** The database file's pages as they are on disk, whatever the header's page count says (SQLite's WAL view). */
    PageSource onDisk() throws IOException {
        return new FilePageSource(dbFile, pageSize, false);
    }

    /** The WAL file itself, for reading frame images. */
    ReadOnlyFile walFile() {
        return walFile;
    }

    @Override
    public void close() throws IOException {
        try {
            fileOnly.close();
            dbFile.close();
        } finally {
            if (walFile != null) {
                walFile.close();
            }
        }
    }
}
