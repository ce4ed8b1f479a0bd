package dev.loupe.wal;

import java.util.List;

/**
 * Every version of one page: the database file's image (when the file holds the page), then every WAL frame that
 * holds it, in frame order, valid or not, each with what changed from the version before it.
 *
 * @param page     the page number
 * @param versions the versions, oldest first
 */
public record PageHistory(long page, List<Entry> versions) {

    public PageHistory {
        versions = List.copyOf(versions);
    }

    /**
     * One version.
     *
     * @param version what and where it is
     * @param summary its page type, cells and free space
     * @param change  what differs from the previous version, null for the first
     */
    public record Entry(PageVersion version, PageSummary summary, PageChange change) {
    }
}
