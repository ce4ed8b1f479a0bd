package dev.loupe.repro.file;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a smaller image holding only the chosen pages, renumbered in their old order: every page number the
 * layout knows of (child, overflow and freelist pointers, sqlite_schema root pages, the header's first trunk,
 * page count and largest root) is rewritten, and in an auto-vacuum file the pointer-map pages are rebuilt at their
 * fixed positions from the old entries (fileformat2 §1.7), parents renumbered, so a wrong entry stays wrong.
 * Numbers that point nowhere keep their meaning: a pointer past the end stays the same distance past the new end.
 */
final class Compactor {

    private final DbImage old;
    private final Layout layout;
    private final Map<Long, Long> map = new HashMap<>();
    private long newCount;

    private Compactor(DbImage old, Layout layout) {
        this.old = old;
        this.layout = layout;
    }

    /** The image with only {@code keep} (page 1 is always kept), or null if nothing would change. */
    static DbImage compact(DbImage old, Layout layout, Set<Long> keep) {
        return new Compactor(old, layout).run(keep);
    }

    private DbImage run(Set<Long> keep) {
        boolean av = old.autoVacuum();
        long next = 1;
        for (long p = 1; p <= old.pageCount(); p++) {
            if (p != 1 && (!keep.contains(p) || (av && old.isPtrmapPosition(p)))) {
                continue;
            }
            while (av && old.isPtrmapPosition(next)) {
                next++;
            }
            map.put(p, next);
            newCount = next;
            next++;
        }
        if (av && newCount >= 1 && newCount < 2 && old.pageCount() >= 2) {
            newCount = 2; // an auto-vacuum file always has its first pointer-map page
        }
        boolean identity = newCount == old.pageCount();
        for (Map.Entry<Long, Long> e : map.entrySet()) {
            identity &= e.getKey().equals(e.getValue());
        }
        if (identity) {
            return null;
        }
        int ps = old.pageSize();
        byte[] bytes = new byte[(int) (newCount * ps) + old.tailLength()];
        DbImage out = new DbImage(bytes, ps, old.usableSize());
        for (Map.Entry<Long, Long> e : map.entrySet()) {
            out.setPage(e.getValue(), old.page(e.getKey()));
        }
        System.arraycopy(old.bytes(), (int) (old.pageCount() * ps), bytes, (int) (newCount * ps),
                old.tailLength());
        for (Layout.Pointer ptr : layout.pointers) {
            Long np = map.get(ptr.page());
            if (np != null) {
                out.put32(np, ptr.offset(), remap(old.u32(ptr.page(), ptr.offset())));
            }
        }
        long maxOldRoot = 0;
        long maxNewRoot = 0;
        for (Layout.RootField f : layout.roots) {
            Long np = map.get(f.page());
            if (np == null) {
                continue;
            }
            long v = remap(f.value());
            if (v < (1L << (8 * f.width() - 1))) {
                int at = out.start(np) + f.offset();
                for (int i = 0; i < f.width(); i++) {
                    bytes[at + i] = (byte) (v >>> (8 * (f.width() - 1 - i)));
                }
            }
            if (map.containsKey(f.value())) {
                maxOldRoot = Math.max(maxOldRoot, f.value());
                maxNewRoot = Math.max(maxNewRoot, v);
            }
        }
        long hdrCount = old.header32(28);
        if (hdrCount != 0) {
            out.putHeader32(28, Math.max(1, newCount + hdrCount - old.pageCount()));
        }
        out.putHeader32(32, remap(old.header32(32)));
        long largestRoot = old.header32(52);
        if (largestRoot != 0 && maxOldRoot != 0) {
            out.putHeader32(52, Math.max(1, maxNewRoot + largestRoot - maxOldRoot));
        }
        if (av) {
            rebuildPtrmap(out);
        }
        return out;
    }

    private long remap(long v) {
        Long m = map.get(v);
        if (m != null) {
            return m;
        }
        if (v == 0) {
            return 0;
        }
        if (v > old.pageCount()) {
            return v - old.pageCount() + newCount;
        }
        if (old.autoVacuum() && old.isPtrmapPosition(v) && newCount >= 2) {
            return 2;
        }
        return newCount + 1;
    }

    private void rebuildPtrmap(DbImage out) {
        for (long p = 2; p <= newCount; p++) {
            if (out.isPtrmapPosition(p)) {
                byte[] zero = new byte[out.pageSize()];
                out.setPage(p, zero);
            }
        }
        for (Map.Entry<Long, Long> e : map.entrySet()) {
            long o = e.getKey();
            long n = e.getValue();
            if (o < 3 || n < 3) {
                continue;
            }
            long oldMap = old.ptrmapPageFor(o);
            long newMap = out.ptrmapPageFor(n);
            if (!old.hasPage(oldMap) || newMap > newCount) {
                continue;
            }
            int oldAt = old.start(oldMap) + 5 * (int) (o - oldMap - 1);
            int newAt = out.start(newMap) + 5 * (int) (n - newMap - 1);
            byte[] ob = old.bytes();
            int type = ob[oldAt] & 0xff;
            long parent = ((long) (ob[oldAt + 1] & 0xff) << 24) | ((ob[oldAt + 2] & 0xff) << 16)
                    | ((ob[oldAt + 3] & 0xff) << 8) | (ob[oldAt + 4] & 0xff);
            long np = remap(parent);
            byte[] nb = out.bytes();
            nb[newAt] = (byte) type;
            nb[newAt + 1] = (byte) (np >>> 24);
            nb[newAt + 2] = (byte) (np >>> 16);
            nb[newAt + 3] = (byte) (np >>> 8);
            nb[newAt + 4] = (byte) np;
        }
    }
}
