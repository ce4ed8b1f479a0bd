package dev.loupe.wal;

import dev.loupe.check.Finding;

import java.util.List;

/**
 * What {@link WalBisect} found.
 *
 * @param commitCount     valid commits in the WAL
 * @param checked         commits checked, counting commit 0 (the database file alone)
 * @param firstBad        the first commit at which the finding appears (0 = already in the database file
 *                        without the WAL), -1 when no commit has it
 * @param firstFrame      that commit's first frame (0 for commit 0 or none)
 * @param lastFrame       that commit's commit frame (0 for commit 0 or none)
 * @param databaseSize    the database size in pages as of that commit (0 for none)
 * @param changedPages    the pages that commit wrote, with their kind and owner (empty for commit 0 or none)
 * @param findings        the findings that match, as the checker reports them at that commit
 * @param strategy        how the commits were checked
 * @param tablesChecked   tables (with their indexes) given to the record-level pass, summed over the commits
 * @param quickCommits    commits where no table went through the record-level pass (incremental: none changed)
 * @param millis          wall time
 */
public record BisectResult(int commitCount, int checked, int firstBad, int firstFrame, int lastFrame,
                           long databaseSize, List<ChangedPage> changedPages, List<Finding> findings,
                           BisectStrategy strategy, long tablesChecked, long quickCommits, long millis) {

    public BisectResult {
        changedPages = List.copyOf(changedPages);
        findings = List.copyOf(findings);
    }

    public boolean found() {
        return firstBad >= 0;
    }
}
