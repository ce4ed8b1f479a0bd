package dev.loupe.repro.file;

import dev.loupe.format.Varint;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.LocalPayload;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Shortens overflow chains (fileformat2 §1.6, "cell payload overflow pages"): a run of full overflow pages that
 * lies inside one text or blob value is unlinked, and the value, the record header's serial type and the cell's
 * payload size shrink by (U-4) bytes per page. Removing whole (U-4)-byte pages leaves the local part of the
 * payload unchanged, since its size depends on the payload size modulo U-4; the edit is made only when the two
 * varints keep their lengths, so nothing else on the page moves. The link after the run (even a damaged one) is
 * kept as it was.
 */
final class OverflowEdits {
    private OverflowEdits() {
    }

    static List<Supplier<DbImage>> candidates(DbImage img, Layout layout) {
        List<Supplier<DbImage>> out = new ArrayList<>();
        Edits.overflowingCells(img, layout, (page, i, payload) -> addRuns(img, page, payload, out));
        return out;
    }

    private static void addRuns(DbImage img, BTreePage page, LocalPayload lp, List<Supplier<DbImage>> out) {
        int per = img.usableSize() - 4;
        long size = lp.declaredSize();
        int local = lp.localSize();
        long needed = (size - local + per - 1) / per;
        if (needed < 2 || needed > img.pageCount()) {
            return;
        }
        byte[] d = page.data();
        int at = lp.localOffset();
        int end = at + local;
        long headerSize = Varint.value(d, at);
        if (headerSize > local) {
            return;
        }
        int typeAt = at + Varint.length(d, at, end);
        long body = headerSize;
        while (typeAt < at + headerSize) {
            int typeLen = Varint.length(d, typeAt, end);
            long type = Varint.value(d, typeAt);
            long len = PayloadEdits.bodyLength(type);
            // pages j (1-based) hold payload bytes [local + (j-1)*per, local + j*per); full pages are 1..needed-1
            long first = Math.max(1, ceilDiv(body - local, per) + 1);
            long last = Math.min(needed - 1, Math.floorDiv(body + len - local, per));
            if (type >= 12 && last >= first && Math.min((type - floor(type)) / (2L * per),
                    (size - floor(size)) / per) >= 1) {
                int typeOffset = typeAt;
                // keep both varints at their lengths: at most as many pages as they can lose without shrinking
                long m = Math.min(last - first + 1, Math.min((type - floor(type)) / (2L * per),
                        (size - floor(size)) / per));
                out.add(() -> unlink(img, page.number(), lp, typeOffset, type, (int) first, (int) m));
                if (m > 1) {
                    out.add(() -> unlink(img, page.number(), lp, typeOffset, type, (int) first, (int) (m / 2)));
                }
            }
            body += len;
            typeAt += typeLen;
        }
    }

    private static DbImage unlink(DbImage img, long pgno, LocalPayload lp, int typeOffset, long type, int j, int m) {
        int per = img.usableSize() - 4;
        long newType = type - 2L * m * per;
        long newSize = lp.declaredSize() - (long) m * per;
        if (newType < 12 || Varint.sizeOf(newType) != Varint.sizeOf(type)
                || Varint.sizeOf(newSize) != lp.sizeVarintLength()) {
            return null;
        }
        long[] chain = new long[j + m];
        long p = lp.firstOverflow();
        for (int k = 0; k < j + m; k++) {
            if (!img.hasPage(p)) {
                return null;
            }
            chain[k] = p;
            p = img.u32(p, 0);
        }
        long after = p; // the link out of the last removed page
        DbImage out = img.copy();
        byte[] b = out.bytes();
        int base = out.start(pgno);
        Varint.write(newType, b, base + typeOffset);
        Varint.write(newSize, b, base + lp.sizeVarintOffset());
        long before = j == 1 ? pgno : chain[j - 2];
        if (j == 1) {
            out.put32(pgno, lp.overflowPointerOffset(), after);
        } else {
            out.put32(before, 0, after);
        }
        if (img.autoVacuum() && img.hasPage(after) && !img.isPtrmapPosition(after)) {
            long map = img.ptrmapPageFor(after);
            int at = 5 * (int) (after - map - 1);
            if ((b[out.start(map) + at] & 0xff) == 4 && img.u32(map, at + 1) == chain[j + m - 1]) {
                b[out.start(map) + at] = (byte) (j == 1 ? 3 : 4);
                out.put32(map, at + 1, before);
            }
        }
        return out;
    }

    /** The smallest value with the same varint length as {@code v}. */
    private static long floor(long v) {
        int len = Varint.sizeOf(v);
        return len == 1 ? 0 : 1L << (7 * (len - 1));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
