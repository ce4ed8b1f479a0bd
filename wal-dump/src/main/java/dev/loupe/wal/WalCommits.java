package dev.loupe.wal;

import dev.loupe.format.wal.WalCommit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The valid commits of a WAL with the pages each wrote and what those pages are as of that commit (walformat
 * §"Reader Algorithm": the database as of commit K is the newest frame at or before K's commit frame for each page,
 * else the database file's page). What a page is comes from {@link CommitOwners}: the page map of the database as
 * of each commit, kept up to date by walking again only what the commit can have changed, so that a WAL of many
 * commits over a large database costs about what its commits wrote.
 */
public final class WalCommits {

    private WalCommits() {
    }

    /** Lists the valid commits of {@code input}'s WAL. */
    public static List<CommitInfo> of(WalInput input) throws IOException {
        List<WalCommit> commits = input.commits();
        List<CommitInfo> out = new ArrayList<>(commits.size());
        CommitOwners owners = new CommitOwners(input);
        long previousSize = input.databaseFilePages();
        for (WalCommit c : commits) {
            List<CommitPage> pages = owners.advance(c.number());
            out.add(new CommitInfo(c.number(), c.firstFrame(), c.lastFrame(), c.databaseSize(), previousSize, pages));
            previousSize = c.databaseSize();
        }
        return out;
    }
}
