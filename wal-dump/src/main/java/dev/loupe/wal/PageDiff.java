package dev.loupe.wal;

import java.util.List;

/**
 * A cell-level diff of two versions of one page. When both versions decode as b-tree pages of the same family
 * (table or index), {@code cellLevel} is true and {@link #cells()} lists every cell that was added, removed,
 * changed or moved, matched by key: the rowid on table pages, the key record on index pages, and among cells with
 * equal keys the one with the same left child first. Otherwise {@link #byteRanges()} gives the differing bytes.
 *
 * @param page              the page number
 * @param before            the first version
 * @param after             the second version
 * @param beforeSummary     what the first version is
 * @param afterSummary      what the second version is
 * @param changedBytes      how many bytes differ
 * @param cellLevel         both versions decoded as b-tree pages of one family, so cells were matched
 * @param headerChanges     header fields that differ (b-tree page header; on page 1 also the database header)
 * @param cells             cell changes, in page order (the second version's, removed cells at their old place)
 * @param freeblocksBefore  the first version's freeblocks
 * @param freeblocksAfter   the second version's freeblocks
 * @param byteRanges        runs of differing bytes when not {@code cellLevel} (at most {@link #MAX_RANGES})
 * @param byteRangeCount    how many runs there are in all
 */
public record PageDiff(long page, PageVersion before, PageVersion after, PageSummary beforeSummary,
                       PageSummary afterSummary, int changedBytes, boolean cellLevel, List<HeaderChange> headerChanges,
                       List<CellChange> cells, List<FreeblockRef> freeblocksBefore, List<FreeblockRef> freeblocksAfter,
                       List<ByteRange> byteRanges, int byteRangeCount) {

    /** Byte ranges kept in {@link #byteRanges()}; the rest are counted only. */
    public static final int MAX_RANGES = 256;

    public PageDiff {
        headerChanges = List.copyOf(headerChanges);
        cells = List.copyOf(cells);
        freeblocksBefore = List.copyOf(freeblocksBefore);
        freeblocksAfter = List.copyOf(freeblocksAfter);
        byteRanges = List.copyOf(byteRanges);
    }

    public boolean identical() {
        return changedBytes == 0;
    }

    public List<CellChange> ofKind(CellChange.Kind kind) {
        return cells.stream().filter(c -> c.kind() == kind).toList();
    }

    public int count(CellChange.Kind kind) {
        return (int) cells.stream().filter(c -> c.kind() == kind).count();
    }

    public boolean freeblocksChanged() {
        return !freeblocksBefore.equals(freeblocksAfter);
    }
}
