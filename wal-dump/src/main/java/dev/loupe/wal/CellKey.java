package dev.loupe.wal;

import dev.loupe.format.record.Value;

import java.util.List;

/**
 * What a cell is matched by across two versions of a page: the rowid on table pages, the key record on index
 * pages (decoded, for showing; matching uses the record's bytes).
 *
 * @param rowid  the rowid (table pages), else null
 * @param values the decoded key (index pages), else an empty list
 */
public record CellKey(Long rowid, List<Value> values) {

    public CellKey {
        values = List.copyOf(values);
    }

    public static CellKey ofRowid(long rowid) {
        return new CellKey(rowid, List.of());
    }

    public boolean isRowid() {
        return rowid != null;
    }
}
