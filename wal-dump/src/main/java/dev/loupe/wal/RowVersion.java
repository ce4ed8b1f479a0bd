package dev.loupe.wal;

import dev.loupe.format.Problem;
import dev.loupe.format.record.Value;

import java.util.List;

/**
 * A row as of one commit, recorded where it (or where it lives) changed.
 *
 * @param commit    the valid commit (0 = the database file alone)
 * @param lastFrame the commit's last frame (0 for commit 0)
 * @param state     present, deleted, absent, or no such table
 * @param page      the page holding the row's cell (0 unless present)
 * @param cellIndex the cell's index on that page (-1 unless present)
 * @param values    the row's values as {@code loupe rows} gives them (affinity applied), empty unless present
 * @param problems  problems met finding or decoding the row
 */
public record RowVersion(int commit, int lastFrame, RowState state, long page, int cellIndex, List<Value> values,
                         List<Problem> problems) {

    public RowVersion {
        values = List.copyOf(values);
        problems = List.copyOf(problems);
    }

    /** Same state, place and values (the commit aside). */
    boolean sameAs(RowVersion o) {
        return o != null && state == o.state && page == o.page && cellIndex == o.cellIndex
                && values.equals(o.values);
    }
}
