package dev.loupe.wal;

import dev.loupe.format.btree.BTreePage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link PageHistory} of a page: one pass over its versions, each diffed with the one before. */
public final class PageHistories {

    private PageHistories() {
    }

    /** Every version of {@code page}; empty when neither the database file nor any frame holds it. */
    public static PageHistory of(WalInput input, long page) throws IOException {
        List<PageVersion> versions = versions(input, page);
        PageDiffer differ = new PageDiffer(input);
        List<PageHistory.Entry> out = new ArrayList<>(versions.size());
        PageVersion previous = null;
        for (PageVersion v : versions) {
            PageSummary summary = PageSummary.of(BTreePage.decode(page, input.read(v), input.usableSize()));
            PageChange change = previous == null ? null : PageChange.of(differ.diff(previous, v));
            out.add(new PageHistory.Entry(v, summary, change));
            previous = v;
        }
        return new PageHistory(page, out);
    }

    /** The database file's version (when it holds the page), then every frame holding it, in frame order. */
    public static List<PageVersion> versions(WalInput input, long page) {
        List<PageVersion> out = new ArrayList<>();
        PageVersion db = input.databaseVersion(page);
        if (db != null) {
            out.add(db);
        }
        for (int f : input.framesOf(page)) {
            out.add(input.frameVersion(f));
        }
        return out;
    }
}
