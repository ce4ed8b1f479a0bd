package dev.loupe.check.structure;

import dev.loupe.format.Varint;

/**
 * The size of a b-tree leaf cell whose payload lies wholly on its page (payload size P <= X, the page's maxLocal):
 * the arithmetic of {@link CellExtent#parse} for that case, with no object, because it runs for every cell of the
 * file. One instance per thread (it keeps the rowid it read last).
 */
final class LocalCellSize {

    private final Varint.OnePass varint = new Varint.OnePass();
    private long rowid;

    /**
     * The size of the leaf cell at {@code pc} (never below 4, SQLite's minimum cell size) when its varints end
     * before {@code limit} and its payload is local, else -1 (an overflowing or damaged cell: the general parse
     * decides). On a table leaf the rowid is then {@link #rowid()}.
     */
    int of(byte[] data, int pc, boolean tableLeaf, int maxLocal, int limit) {
        int p = pc;
        int n = varint.read(data, p, limit);
        if (n == 0) {
            return -1;
        }
        long payload = varint.value();
        p += n;
        if (payload < 0 || payload > maxLocal) {
            return -1;
        }
        if (tableLeaf) {
            n = varint.read(data, p, limit);
            if (n == 0) {
                return -1;
            }
            rowid = varint.value();
            p += n;
        } else {
            rowid = 0;
        }
        return Math.max(4, p - pc + (int) payload);
    }

    /** The rowid {@link #of} read last on a table leaf (0 on an index leaf). */
    long rowid() {
        return rowid;
    }
}
