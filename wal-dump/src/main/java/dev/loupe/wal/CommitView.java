package dev.loupe.wal;

import dev.loupe.format.page.PageSource;

import java.io.IOException;

/** The pages as of one valid commit, read through the {@link FrameIndex} (no pass over the WAL per view). */
final class CommitView implements PageSource {

    private final WalInput input;
    private final int lastFrame;
    private final long pageCount;
    private final int commit;

    CommitView(WalInput input, int lastFrame, long pageCount, int commit) {
        this.input = input;
        this.lastFrame = lastFrame;
        this.pageCount = pageCount;
        this.commit = commit;
    }

    @Override
    public int pageSize() {
        return input.pageSize();
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
        int frame = input.newestFrame(pgno, lastFrame);
        return frame != 0 ? input.readFrame(frame) : input.readDatabasePage(pgno);
    }

    @Override
    public String describe() {
        return input.databasePath() + (commit == 0 ? " (WAL not applied)" : " + WAL commit " + commit);
    }
}
