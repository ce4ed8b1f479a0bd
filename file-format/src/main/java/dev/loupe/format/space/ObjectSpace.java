package dev.loupe.format.space;

/**
 * Space used by one b-tree, in the terms of SQLite's dbstat virtual table (summed over the tree's pages) and of
 * sqlite3_analyzer (tool/spaceanal.tcl).
 *
 * @param type                "table" or "index" (sqlite_schema's type)
 * @param name                the table or index
 * @param tableName           the table an index belongs to; the name itself for a table
 * @param interiorPages       dbstat pagetype 'internal'
 * @param leafPages           dbstat pagetype 'leaf'
 * @param overflowPages       dbstat pagetype 'overflow'
 * @param entries             rows of a rowid table (its leaf cells); every cell of an index or WITHOUT ROWID tree
 * @param leafCells           sum(ncell) over the leaf pages
 * @param cells               sum(ncell) over all pages
 * @param payload             sum(payload): local payload of every cell (none for table-interior cells) plus the
 *                            payload bytes on overflow pages
 * @param overflowPayload     the part of {@code payload} on overflow pages
 * @param interiorUnused      sum(unused) on interior pages: unallocated + freeblocks + fragmented bytes
 * @param leafUnused          sum(unused) on leaf pages
 * @param overflowUnused      sum(unused) on overflow pages: the unfilled end of each chain's last page
 * @param maxPayload          max(mx_payload): the largest payload size of a cell
 * @param entriesWithOverflow cells whose payload spills onto overflow pages
 * @param depth               levels from the root to the deepest leaf (1: the root is a leaf)
 * @param nonSequentialLeaves sqlite3_analyzer's "Non-sequential pages": with all the tree's pages sorted by page
 *                            number, the leaves whose number is not the previous page's number + 1
 * @param pageSize            bytes per page, for the fill figures
 */
public record ObjectSpace(String type, String name, String tableName, long interiorPages, long leafPages,
                          long overflowPages, long entries, long leafCells, long cells, long payload,
                          long overflowPayload, long interiorUnused, long leafUnused, long overflowUnused,
                          long maxPayload, long entriesWithOverflow, int depth, long nonSequentialLeaves,
                          int pageSize) {

    public long totalPages() {
        return interiorPages + leafPages + overflowPages;
    }

    public long unused() {
        return interiorUnused + leafUnused + overflowUnused;
    }

    /** Bytes of the tree's pages: total pages x page size (sqlite3_analyzer's "Bytes of storage consumed"). */
    public long storage() {
        return totalPages() * (long) pageSize;
    }

    /** Percent of the storage not unused (payload and metadata); 0 for a tree with no pages. */
    public double fillPercent() {
        return storage() == 0 ? 0 : 100.0 * (storage() - unused()) / storage();
    }

    /**
     * Children per interior page: every page of the tree but the root is the child of one interior page, so
     * (interior + leaf - 1) / interior; 0 when the root is a leaf. sqlite3_analyzer's "Average fanout" for a table.
     */
    public double averageFanout() {
        return interiorPages == 0 ? 0 : (double) (interiorPages + leafPages - 1) / interiorPages;
    }
}
