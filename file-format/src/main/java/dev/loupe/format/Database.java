package dev.loupe.format;

import dev.loupe.format.header.DatabaseHeader;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.page.FilePageSource;
import dev.loupe.format.page.MemoryPageSource;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.schema.Schema;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalPageSource;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A database opened for reading: its header, its pages (with the WAL applied when there is one, as SQLite would see
 * them), and its schema. Opening never writes anything and never creates files beside the database. A damaged
 * header does not stop it: what can be read is read, and the damage is in {@link #problems()}.
 */
public final class Database implements Closeable {

    /** Page size assumed when neither the header nor a WAL gives a valid one. */
    public static final int FALLBACK_PAGE_SIZE = 4096;

    private final String name;
    private final ReadOnlyFile file;
    private final ReadOnlyFile walFile;
    private final WalFile wal;
    private final PageSource pages;
    private final DatabaseHeader header;
    private final long fileSize;
    private final List<Problem> problems;
    private SchemaSnapshot schema;

    private Database(String name, ReadOnlyFile file, ReadOnlyFile walFile, WalFile wal, PageSource pages,
                     DatabaseHeader header, long fileSize, List<Problem> problems) {
        this.name = name;
        this.file = file;
        this.walFile = walFile;
        this.wal = wal;
        this.pages = pages;
        this.header = header;
        this.fileSize = fileSize;
        this.problems = problems;
    }

    public static Database open(Path path) throws IOException {
        return open(path, OpenOptions.defaults());
    }

    /**
     * Opens {@code path} read-only. Throws only for I/O failures (missing file, a directory, permissions).
     */
    public static Database open(Path path, OpenOptions options) throws IOException {
        ReadOnlyFile file = ReadOnlyFile.open(path);
        ReadOnlyFile walFile = null;
        try {
            long size = file.size();
            DatabaseHeader fileHeader = DatabaseHeader.decode(file.readAt(0, DatabaseHeader.SIZE), size);
            Path walPath = switch (options.wal()) {
                case AUTO -> path.resolveSibling(path.getFileName() + "-wal");
                case PATH -> options.walPath();
                case IGNORE -> null;
            };
            WalFile wal = null;
            if (walPath != null && (options.wal() == OpenOptions.WalChoice.PATH || Files.isRegularFile(walPath))) {
                walFile = ReadOnlyFile.open(walPath);
                wal = WalFile.read(walFile);
            }
            List<Problem> problems = new ArrayList<>();
            int pageSize = choosePageSize(fileHeader, wal, options, problems);
            PageSource pages;
            if (wal != null && wal.validFrameCount() > 0 && wal.pageSize() == pageSize) {
                // The WAL view reads the whole database file: the header's page count may be older than the WAL.
                int commit = options.commit() < 0 ? WalPageSource.latestCommit(wal)
                        : Math.min(options.commit(), WalPageSource.latestCommit(wal));
                pages = new WalPageSource(new FilePageSource(file, pageSize, false), wal, walFile, commit);
            } else {
                // SQLite ignores pages past a valid header page count (fileformat2 §1.3.9).
                long maxPages = fileHeader.pageSizeValid() && fileHeader.databaseSizeValid()
                        ? fileHeader.databaseSizeInPages() : Long.MAX_VALUE;
                pages = new FilePageSource(file, pageSize, maxPages, false);
            }
            DatabaseHeader header = fileHeader;
            if (pages instanceof WalPageSource) {
                byte[] p1 = pages.read(1);
                if (p1 != null) {
                    header = DatabaseHeader.decode(java.util.Arrays.copyOf(p1, DatabaseHeader.SIZE),
                            pages.pageCount() * (long) pageSize);
                }
            }
            problems.addAll(0, header.problems());
            if (wal != null) {
                problems.addAll(wal.problems());
            }
            if (pages instanceof WalPageSource view) {
                problems.addAll(view.problems());
            }
            return new Database(path.toString(), file, walFile, wal, pages, header, size,
                    Collections.unmodifiableList(problems));
        } catch (IOException | RuntimeException e) {
            file.close();
            if (walFile != null) {
                walFile.close();
            }
            throw e;
        }
    }

    /** A database held in memory (a hexdb text, a mutation, a reducer's candidate). */
    public static Database fromImage(byte[] image, String name) {
        DatabaseHeader header = DatabaseHeader.decode(java.util.Arrays.copyOf(image, Math.min(image.length,
                DatabaseHeader.SIZE)), image.length);
        List<Problem> problems = new ArrayList<>(header.problems());
        int pageSize = header.pageSizeValid() ? header.pageSize() : FALLBACK_PAGE_SIZE;
        if (!header.pageSizeValid()) {
            problems.add(fallbackProblem(header));
        }
        return new Database(name, null, null, null, new MemoryPageSource(image, pageSize, name), header,
                image.length, Collections.unmodifiableList(problems));
    }

    /**
     * A database over pages someone else reads and owns (the database as of one WAL commit, read through a frame
     * index): the header is page 1's, as {@link #open} takes it from a WAL view, and the size is the source's page
     * count. Closing it closes nothing. Reading the schema reads the source once, on first use.
     */
    public static Database fromPages(PageSource pages, String name) throws IOException {
        long size = pages.pageCount() * pages.pageSize();
        byte[] p1 = pages.pageCount() >= 1 ? pages.read(1) : null;
        byte[] head = p1 == null ? new byte[0] : java.util.Arrays.copyOf(p1, Math.min(p1.length, DatabaseHeader.SIZE));
        DatabaseHeader header = DatabaseHeader.decode(head, size);
        return new Database(name, null, null, null, pages, header, size, header.problems());
    }

    private static int choosePageSize(DatabaseHeader h, WalFile wal, OpenOptions options, List<Problem> problems) {
        if (options.pageSize() > 0) {
            return options.pageSize();
        }
        if (h.pageSizeValid()) {
            return h.pageSize();
        }
        if (wal != null && wal.pageSize() > 0) {
            return wal.pageSize();
        }
        problems.add(fallbackProblem(h));
        return FALLBACK_PAGE_SIZE;
    }

    private static Problem fallbackProblem(DatabaseHeader h) {
        return new Problem(ProblemKind.HEADER_PAGE_SIZE, Span.inPage(1, 16, 2), "page size field "
                + h.rawPageSize() + " is invalid: reading with " + FALLBACK_PAGE_SIZE + "-byte pages");
    }

    public String name() {
        return name;
    }

    public DatabaseHeader header() {
        return header;
    }

    /** The pages as SQLite would see them (WAL applied unless ignored). */
    public PageSource pages() {
        return pages;
    }

    public int pageSize() {
        return pages.pageSize();
    }

    /** Page size minus the reserved bytes of the header; never below 480 so decoding stays bounded and sane. */
    public int usableSize() {
        int u = pages.pageSize() - header.reservedBytes();
        return u >= DatabaseHeader.MIN_USABLE_SIZE ? u : pages.pageSize();
    }

    public long pageCount() {
        return pages.pageCount();
    }

    /** Size in bytes of the database file itself. */
    public long fileSize() {
        return fileSize;
    }

    public TextEncoding encoding() {
        TextEncoding e = header.textEncoding();
        return e == null ? TextEncoding.UTF8 : e;
    }

    /** The WAL found beside (or given for) the database, whether or not any of it is applied. */
    public Optional<WalFile> wal() {
        return Optional.ofNullable(wal);
    }

    /** The valid WAL commit applied to {@link #pages()}, 0 when no WAL frame is applied. */
    public int appliedCommit() {
        return pages instanceof WalPageSource w ? w.commit() : 0;
    }

    /** Header, WAL and page-size problems found on open. */
    public List<Problem> problems() {
        return problems;
    }

    /** The schema read from the sqlite_schema b-tree rooted at page 1 (read once, on first use). */
    public synchronized Schema schema() throws IOException {
        return schemaSnapshot().schema();
    }

    /** The sqlite_schema rows with where each came from, and the problems met reading them. */
    public synchronized SchemaSnapshot schemaSnapshot() throws IOException {
        if (schema == null) {
            schema = SchemaSnapshot.read(this);
        }
        return schema;
    }

    @Override
    public void close() throws IOException {
        try {
            if (file != null) {
                file.close();
            }
        } finally {
            if (walFile != null) {
                walFile.close();
            }
        }
    }
}
