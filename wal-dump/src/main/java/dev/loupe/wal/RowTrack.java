package dev.loupe.wal;

import java.util.List;

/**
 * A row across the commits of a WAL: the version at commit 0 (the database file alone), then one version at every
 * commit where its state, its page or cell index, or its values changed.
 *
 * @param table     the table name asked for
 * @param rowid     the rowid
 * @param commits   the number of valid commits
 * @param versions  the versions, by commit
 * @param tableSeen the table exists at some commit
 * @param rowSeen   the row is present at some commit
 * @param refusal   why the row cannot be tracked (a WITHOUT ROWID or virtual table), else null
 * @param evaluated how many commits were examined (the others touched no page the row depends on)
 */
public record RowTrack(String table, long rowid, int commits, List<RowVersion> versions, boolean tableSeen,
                       boolean rowSeen, String refusal, int evaluated) {

    public RowTrack {
        versions = List.copyOf(versions);
    }

    /** The row as of {@code commit}: the last version recorded at or before it. */
    public RowVersion at(int commit) {
        RowVersion found = null;
        for (RowVersion v : versions) {
            if (v.commit() <= commit) {
                found = v;
            }
        }
        return found;
    }
}
