package dev.loupe.wal;

import java.util.List;

/**
 * What changed in a page from its previous version, in counts (the full story is {@link PageDiff}).
 *
 * @param previous      the version compared with
 * @param changedBytes  bytes that differ
 * @param cellLevel     whether cells could be matched (both versions are b-tree pages of one family)
 * @param headerFields  names of the header fields that differ
 * @param added         cells added
 * @param removed       cells removed
 * @param changed       cells whose content changed
 * @param moved         cells with the same content at another offset
 * @param freeblocksChanged the freeblock chain differs
 */
public record PageChange(PageVersion previous, int changedBytes, boolean cellLevel, List<String> headerFields,
                         int added, int removed, int changed, int moved, boolean freeblocksChanged) {

    public PageChange {
        headerFields = List.copyOf(headerFields);
    }

    public static PageChange of(PageDiff d) {
        return new PageChange(d.before(), d.changedBytes(), d.cellLevel(),
                d.headerChanges().stream().map(HeaderChange::name).toList(), d.count(CellChange.Kind.ADDED),
                d.count(CellChange.Kind.REMOVED), d.count(CellChange.Kind.CHANGED), d.count(CellChange.Kind.MOVED),
                d.freeblocksChanged());
    }

    public boolean identical() {
        return changedBytes == 0;
    }
}
