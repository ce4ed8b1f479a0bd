package dev.loupe.wal;

import dev.loupe.format.page.PageSource;
import dev.loupe.format.wal.WalCommit;
import dev.loupe.format.wal.WalFrame;
import dev.loupe.format.wal.WalHeader;
import dev.loupe.format.wal.WalPageSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The database as of one commit, held in memory and moved forward one commit at a time by applying only that
 * commit's frames: the same pages as {@link WalPair#view(int)} (see {@link WalPageSource}), without re-reading the
 * WAL for every commit. When a commit shrinks the database, the pages cut off are kept aside, because a later commit
 * that grows it again without writing them shows their last image (the reader takes the newest frame at or before
 * the commit, or the database file's page).
 */
final class CommitImage {

    /** Largest image a Java array holds, in bytes. */
    private static final long MAX_IMAGE = Integer.MAX_VALUE - 8L;

    private final WalPair pair;
    private final int pageSize;
    private final PageSource disk;
    private final Map<Long, byte[]> beyondEnd = new HashMap<>();
    private byte[] image;
    private int commit;

    /** Starts at commit 0, the database file alone. */
    CommitImage(WalPair pair) throws IOException {
        this.pair = pair;
        this.pageSize = pair.pageSize();
        this.disk = pair.onDisk();
        PageSource base = pair.view(0);
        long count = base.pageCount();
        this.image = new byte[checkedSize(count, 0)];
        for (long p = 1; p <= count; p++) {
            byte[] page = base.read(p);
            if (page != null) {
                System.arraycopy(page, 0, image, (int) ((p - 1) * pageSize), Math.min(pageSize, page.length));
            }
        }
    }

    /** The image of the current commit: exactly pageCount() pages. Valid until the next {@link #advance()}. */
    byte[] image() {
        return image;
    }

    int commit() {
        return commit;
    }

    long pageCount() {
        return image.length / pageSize;
    }

    /** Applies the next commit's frames. */
    void advance() throws IOException {
        WalCommit c = pair.commit(commit + 1);
        long limit = WalPageSource.sizeLimit(disk.pageCount(), c.lastFrame(), pageSize);
        resize(Math.min(c.databaseSize(), limit), c.number());
        int frameSize = pageSize + WalFrame.HEADER_SIZE;
        for (int f = c.firstFrame(); f <= c.lastFrame(); f++) {
            long pgno = pair.wal().frames().get(f - 1).pageNumber();
            long offset = WalHeader.SIZE + (long) (f - 1) * frameSize + WalFrame.HEADER_SIZE;
            if (pgno <= pageCount()) {
                read(offset, image, (int) ((pgno - 1) * pageSize));
            } else {
                byte[] page = new byte[pageSize];
                read(offset, page, 0);
                beyondEnd.put(pgno, page);
            }
        }
        commit++;
    }

    private void read(long offset, byte[] into, int at) throws IOException {
        if (pair.walFile().read(offset, into, at, pageSize) < pageSize) {
            throw new IOException("WAL shrank while being read: " + pair.walPath());
        }
    }

    private void resize(long pages, int number) throws IOException {
        long current = pageCount();
        if (pages == current) {
            return;
        }
        if (pages < current) {
            for (long p = pages + 1; p <= current; p++) {
                int at = (int) ((p - 1) * pageSize);
                beyondEnd.put(p, Arrays.copyOfRange(image, at, at + pageSize));
            }
            image = Arrays.copyOf(image, (int) (pages * pageSize));
            return;
        }
        image = Arrays.copyOf(image, checkedSize(pages, number));
        for (long p = current + 1; p <= pages; p++) {
            byte[] page = beyondEnd.remove(p);
            if (page == null && p <= disk.pageCount()) {
                page = disk.read(p);
            }
            if (page != null) {
                System.arraycopy(page, 0, image, (int) ((p - 1) * pageSize), pageSize);
            }
        }
    }

    private int checkedSize(long pages, int number) throws IOException {
        long bytes = pages * pageSize;
        if (bytes > MAX_IMAGE) {
            throw new IOException("the database as of commit " + number + " is " + pages + " pages (" + bytes
                    + " bytes): more than an in-memory image can hold (2 GiB)");
        }
        return (int) bytes;
    }
}
