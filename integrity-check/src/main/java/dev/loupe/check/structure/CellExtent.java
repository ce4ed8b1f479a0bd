package dev.loupe.check.structure;

import dev.loupe.format.Varint;
import dev.loupe.format.btree.PageType;
import dev.loupe.format.btree.PayloadSizes;

/**
 * A cell's extent as SQLite's cell parser computes it (btreeParseCellPtr, cellSizePtr): the full size the cell
 * claims, even when that runs past the page, and its overflow chain. Varints are read within the page buffer.
 *
 * @param size          bytes the cell occupies from its offset (at least 4, as SQLite rounds up)
 * @param payloadSize   declared payload size (0 for table interior cells)
 * @param localSize     payload bytes on the page
 * @param key           rowid for table cells, else 0
 * @param overflowPages pages the overflow chain should have
 */
record CellExtent(int size, long payloadSize, int localSize, long key, long overflowPages) {

    static CellExtent parse(byte[] data, int offset, PageType type, int usableSize) {
        int limit = data.length;
        int p = offset + (type.isLeaf() ? 0 : 4);
        if (type == PageType.TABLE_INTERIOR) {
            int len = Varint.length(data, p, limit);
            long key = len == 0 ? 0 : Varint.value(data, p);
            return new CellExtent(4 + Math.max(1, len), 0, 0, key, 0);
        }
        int sizeLen;
        long payload;
        if (p < limit && data[p] >= 0) { // a one-byte varint: most payload sizes of small rows
            sizeLen = 1;
            payload = data[p];
        } else {
            sizeLen = Varint.length(data, p, limit);
            payload = sizeLen == 0 ? 0 : Varint.value(data, p);
        }
        // SQLite reads the payload size as a 32-bit value (getVarint32): larger values wrap; treat as huge
        if (payload < 0 || payload > 0x7fffffffL) {
            payload = 0x7fffffffL;
        }
        p += Math.max(1, sizeLen);
        long key = 0;
        if (type == PageType.TABLE_LEAF) {
            int n = Varint.length(data, p, limit);
            key = n == 0 ? 0 : Varint.value(data, p);
            p += Math.max(1, n);
        }
        boolean tableLeaf = type == PageType.TABLE_LEAF;
        int header = p - offset;
        if (payload <= PayloadSizes.maxLocal(usableSize, tableLeaf)) {
            return new CellExtent(Math.max(4, header + (int) payload), payload, (int) payload, key, 0);
        }
        int local = PayloadSizes.localSize(payload, usableSize, tableLeaf);
        long overflow = (payload - local + usableSize - 5) / (usableSize - 4);
        return new CellExtent(header + local + 4, payload, local, key, overflow);
    }
}
