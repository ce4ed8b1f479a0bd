package dev.loupe.wal;

import dev.loupe.format.page.PageSource;

import java.io.IOException;
import java.util.BitSet;

/**
 * A page source that remembers which pages were read through it: what a walk depended on, so that the walk can be
 * kept until a commit writes one of those pages. A page number past {@link PageClaims#MAX_PAGE} is read but not
 * recorded: no database as of a commit that claims can map has such a page.
 */
final class ReadRecorder implements PageSource {

    private final PageSource pages;
    private final BitSet read = new BitSet();

    ReadRecorder(PageSource pages) {
        this.pages = pages;
    }

    /** The pages read so far. */
    BitSet read() {
        return read;
    }

    @Override
    public int pageSize() {
        return pages.pageSize();
    }

    @Override
    public long pageCount() {
        return pages.pageCount();
    }

    @Override
    public byte[] read(long pgno) throws IOException {
        if (pgno >= 1 && pgno <= PageClaims.MAX_PAGE) {
            read.set((int) pgno);
        }
        return pages.read(pgno);
    }

    @Override
    public String describe() {
        return pages.describe();
    }
}
