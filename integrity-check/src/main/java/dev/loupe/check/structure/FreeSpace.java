package dev.loupe.check.structure;

import dev.loupe.format.BigEndian;
import dev.loupe.format.btree.PageType;

/**
 * The free-space computation SQLite runs before using a page (btree.c, btreeComputeFreeSpace): the freeblock list
 * must start inside the cell content area, stay in ascending order within the usable area, and the free bytes
 * (fragments + content start + freeblocks) must make sense. Any failure is integrity_check's "free space
 * corruption".
 */
final class FreeSpace {

    private FreeSpace() {
    }

    /** What is wrong with the page's free space, or null if SQLite accepts it. */
    static String problem(byte[] data, int hdr, PageType type, int nCell, int usableSize) {
        int top = BigEndian.u16(data, hdr + 5);
        if (top == 0) {
            top = 65536;
        }
        int cellFirst = hdr + 8 + (type.isLeaf() ? 0 : 4) + 2 * nCell;
        int cellLast = usableSize - 4;
        int pc = BigEndian.u16(data, hdr + 1);
        long free = (data[hdr + 7] & 0xff) + (long) top;
        if (pc > 0) {
            if (pc < top) {
                return "the first freeblock (" + pc + ") lies before the cell content area (" + top + ")";
            }
            int next;
            int size;
            while (true) {
                if (pc > cellLast) {
                    return "freeblock at " + pc + " lies past the usable end " + usableSize;
                }
                next = BigEndian.u16(data, pc);
                size = BigEndian.u16(data, pc + 2);
                free += size;
                if (next <= pc + size + 3) {
                    break;
                }
                pc = next;
            }
            if (next > 0) {
                return "freeblock at " + pc + " (size " + size + ") is followed by " + next
                        + ", not a later freeblock: the list is out of order or overlaps";
            }
            if (pc + size > usableSize) {
                return "the last freeblock, at " + pc + " (size " + size + "), runs past the usable end " + usableSize;
            }
        }
        if (free > usableSize) {
            return "free bytes (fragments + content start + freeblocks = " + free + ") exceed the usable size "
                    + usableSize;
        }
        if (free < cellFirst) {
            return "the cell content area (" + top + ") starts inside the cell pointer array (which ends at "
                    + cellFirst + ")";
        }
        return null;
    }
}
