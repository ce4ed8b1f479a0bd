package dev.loupe.wal;

import dev.loupe.format.Database;
import dev.loupe.format.OpenOptions;
import dev.loupe.format.map.ObjectPages;
import dev.loupe.format.map.PageKind;
import dev.loupe.format.map.PageMap;
import dev.loupe.format.page.ReadOnlyFile;
import dev.loupe.format.wal.WalCommit;
import dev.loupe.format.wal.WalFile;
import dev.loupe.format.wal.WalFrame;
import dev.loupe.format.wal.WalHeader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The valid commits of a WAL with the pages each wrote and what those pages are as of that commit (walformat
 * §"Reader Algorithm": the database as of commit K is the newest frame at or before K's commit frame for each page,
 * else the database file's page).
 *
 * <p>The owners come from a {@link PageMap} of the database as of each commit, which is rebuilt only when a commit
 * can have changed which page belongs to what: when it changes the database size, writes page 1 (the schema and
 * the freelist header), or writes any page that was not a b-tree leaf before or is not a leaf of the same kind
 * after. A commit that only rewrites leaves keeps every page's owner (new overflow pages, freed pages and splits
 * all write a page of another kind), so the previous map answers for it.
 *
 * <p>The database as of each commit is replayed in memory when it fits in {@link #MAX_REPLAY_BYTES} (one image,
 * updated commit by commit); a larger database is opened through the reader at each commit instead.
 */
public final class WalCommits {

    /** Largest database image replayed in memory. */
    public static final long MAX_REPLAY_BYTES = 256L << 20;

    private WalCommits() {
    }

    /**
     * Lists the valid commits of {@code wal} (read from {@code walFile}, whose path is {@code walPath}) over the
     * database file {@code database} (absent: every page not in the WAL reads as zeros).
     */
    public static List<CommitInfo> of(Optional<Path> database, Path walPath, WalFile wal, ReadOnlyFile walFile)
            throws IOException {
        List<CommitInfo> out = new ArrayList<>(wal.commits().size());
        if (wal.commits().isEmpty()) {
            return out;
        }
        int pageSize = wal.pageSize();
        long dbBytes = 0;
        ReadOnlyFile dbFile = database.isPresent() ? ReadOnlyFile.open(database.get()) : null;
        try {
            dbBytes = dbFile == null ? 0 : dbFile.size();
            long maxPages = (dbBytes + pageSize - 1) / pageSize;
            for (WalCommit c : wal.commits()) {
                maxPages = Math.max(maxPages, c.databaseSize());
                maxPages = Math.max(maxPages, c.pages().length == 0 ? 0 : c.pages()[c.pages().length - 1]);
            }
            try (Views views = maxPages * pageSize <= MAX_REPLAY_BYTES
                    ? new Replay(dbFile, (int) ((dbBytes + pageSize - 1) / pageSize), pageSize, walFile, wal)
                    : new Reopen(database.orElse(null), walPath)) {
                long previousSize = (dbBytes + pageSize - 1) / pageSize;
                PageMap map = null;
                for (WalCommit c : wal.commits()) {
                    views.advance(c);
                    if (map == null || mustRebuild(c, previousSize, map, views)) {
                        map = views.map(c);
                    }
                    out.add(new CommitInfo(c.number(), c.firstFrame(), c.lastFrame(), c.databaseSize(),
                            previousSize, changedPages(c, map)));
                    previousSize = c.databaseSize();
                }
            }
        } finally {
            if (dbFile != null) {
                dbFile.close();
            }
        }
        return out;
    }

    private static boolean mustRebuild(WalCommit c, long previousSize, PageMap map, Views views) throws IOException {
        if (c.databaseSize() != previousSize) {
            return true;
        }
        for (long p : c.pages()) {
            PageKind before = map.kind(p);
            if (p == 1 || before == null || (before != PageKind.TABLE_LEAF && before != PageKind.INDEX_LEAF)) {
                return true;
            }
            int typeByte = views.typeByte(p);
            if (typeByte != (before == PageKind.TABLE_LEAF ? 13 : 10)) {
                return true;
            }
        }
        return false;
    }

    private static List<CommitPage> changedPages(WalCommit c, PageMap map) {
        List<CommitPage> pages = new ArrayList<>(c.pages().length);
        for (long p : c.pages()) {
            if (map == null || p > c.databaseSize() || map.kind(p) == null) {
                pages.add(new CommitPage(p, p > c.databaseSize() ? "beyond-end" : "unknown", null, null));
                continue;
            }
            ObjectPages owner = map.owner(p);
            pages.add(new CommitPage(p, map.kind(p).label(), owner == null ? null : owner.type(),
                    owner == null ? null : owner.name()));
        }
        return pages;
    }

    /** The database as of successive commits. */
    private interface Views extends AutoCloseable {
        void advance(WalCommit c) throws IOException;

        /** The first b-tree header byte of page {@code p} as of the last commit advanced to, -1 if unknown. */
        int typeByte(long p) throws IOException;

        /** The page map as of commit {@code c} (the last advanced to); null when it cannot be built. */
        PageMap map(WalCommit c) throws IOException;

        @Override
        default void close() throws IOException {
        }
    }

    /** One in-memory image, updated frame by frame. */
    private static final class Replay implements Views {
        private final int pageSize;
        private final ReadOnlyFile walFile;
        private final int frameSize;
        private byte[] image;

        Replay(ReadOnlyFile dbFile, int dbPages, int pageSize, ReadOnlyFile walFile, WalFile wal) throws IOException {
            this.pageSize = pageSize;
            this.walFile = walFile;
            this.frameSize = pageSize + WalFrame.HEADER_SIZE;
            this.image = new byte[dbPages * pageSize];
            if (dbFile != null) {
                dbFile.read(0, image, 0, image.length);
            }
        }

        @Override
        public void advance(WalCommit c) throws IOException {
            for (int f = c.firstFrame(); f <= c.lastFrame(); f++) {
                long offset = WalHeader.SIZE + (long) (f - 1) * frameSize;
                byte[] header = walFile.readAt(offset, 4);
                long pgno = ((header[0] & 0xffL) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8)
                        | (header[3] & 0xff);
                long end = pgno * pageSize;
                if (end > image.length) {
                    image = Arrays.copyOf(image, (int) end);
                }
                if (walFile.read(offset + WalFrame.HEADER_SIZE, image, (int) ((pgno - 1) * pageSize), pageSize)
                        < pageSize) {
                    throw new IOException("WAL shrank while being read: " + walFile.path());
                }
            }
        }

        @Override
        public int typeByte(long p) {
            long at = (p - 1) * pageSize + (p == 1 ? 100 : 0);
            return at < image.length ? image[(int) at] & 0xff : -1;
        }

        @Override
        public PageMap map(WalCommit c) throws IOException {
            long bytes = c.databaseSize() * pageSize;
            // The image itself when it has the commit's size (the usual case): a rebuild copies nothing.
            byte[] view = image.length == bytes ? image : Arrays.copyOf(image, (int) bytes);
            return PageMap.build(Database.fromImage(view, "commit " + c.number()));
        }
    }

    /** The reader's own view at each commit, for databases too large to replay in memory. */
    private static final class Reopen implements Views {
        private final Path database;
        private final Path wal;
        private Database current;

        Reopen(Path database, Path wal) {
            this.database = database;
            this.wal = wal;
        }

        @Override
        public void advance(WalCommit c) throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
            if (database != null) {
                current = Database.open(database, OpenOptions.withWal(wal).atCommit(c.number()));
            }
        }

        @Override
        public int typeByte(long p) throws IOException {
            byte[] page = current == null ? null : current.pages().read(p);
            return page == null ? -1 : page[p == 1 ? 100 : 0] & 0xff;
        }

        @Override
        public PageMap map(WalCommit c) throws IOException {
            return current == null ? null : PageMap.build(current);
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
        }
    }
}
